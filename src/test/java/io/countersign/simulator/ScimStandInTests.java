package io.countersign.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.countersign.directory.AccountStatus;
import io.countersign.testing.ScimHttp;
import io.countersign.testing.TestBank;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The SCIM stand-in on the wire, spoken to with plain HTTP: what RFC 7643 and RFC 7644 ask of a service provider. */
class ScimStandInTests {

    private static final String TOKEN = "scim-stand-in-token";
    private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    private static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

    private SimulatedTenant tenant;
    private StandInServer server;
    private ScimHttp scim;

    @BeforeEach
    void serveTheTestBanksOktaUsersOverScim() {
        tenant = new SimulatedTenant();
        tenant.seed(TestBank.snapshot());
        start(new StandInOptions(TOKEN, 5, 0, 0, Map.of("scim.platform", "okta")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void refusesARequestWithoutTheRightBearerTokenInTheScimErrorSchema() throws Exception {
        HttpResponse<String> missing = unauthenticated(null);
        HttpResponse<String> wrong = unauthenticated("Bearer not-" + TOKEN);

        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"scim\"");
        assertThat(ScimHttp.json(missing)).isEqualTo(json(Map.of("schemas", List.of(ERROR), "status", "401",
                "detail", "Authorization: a bearer token is required")));
        assertThat(ScimHttp.json(wrong).path("detail").asString()).isEqualTo("Authorization: the bearer token is not accepted");
        assertThat(wrong.body()).doesNotContain(TOKEN);
    }

    @Test
    void describesItselfToClientsThatDiscover() {
        JsonNode config = scim.get("/ServiceProviderConfig");
        JsonNode user = scim.get("/ResourceTypes/User");
        JsonNode extension = scim.get("/Schemas/urn:ietf:params:scim:schemas:extension:countersign:2.0:User");

        assertThat(config.path("patch").path("supported").asBoolean()).isTrue();
        assertThat(config.path("etag").path("supported").asBoolean()).isTrue();
        assertThat(config.path("filter").path("maxResults").asInt()).isEqualTo(5);
        assertThat(user.path("schemaExtensions").findValuesAsString("schema")).containsExactly(
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", "urn:ietf:params:scim:schemas:extension:countersign:2.0:User");
        assertThat(extension.path("attributes").findValuesAsString("name")).containsExactly("reasonNote");
        assertThat(scim.get("/Schemas").path("totalResults").asInt()).isEqualTo(4);
        assertThat(scim.send("GET", "/Schemas/urn:nowhere", null).statusCode()).isEqualTo(404);
    }

    @Test
    void filtersWithEqCoSwAndAnd() {
        assertThat(users("userName eq \"idn-trader-1@bank.example\"")).containsExactly("idn-trader-1@bank.example");
        assertThat(users("title co \"equity trader\" and userName sw \"IDN-TRADER\"")).hasSize(4);
        assertThat(users("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"E-idn-cco\""))
                .containsExactly("idn-cco@bank.example");
        assertThat(matches("emails.value ew \"@bank.example\" and not (title co \"trader\")")).isEqualTo(8);
        assertThat(users("(title sw \"Head\" or title sw \"Chief\") and active eq true")).hasSize(4);
    }

    @Test
    void refusesAFilterItCannotParse() {
        HttpResponse<String> response = scim.send("GET", "/Users?filter=" + encode("userName equals \"x\""), null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ScimHttp.json(response)).isEqualTo(json(Map.of("schemas", List.of(ERROR), "status", "400", "scimType", "invalidFilter",
                "detail", "filter: unknown operator 'equals' after userName")));
    }

    @Test
    void pagesWithStartIndexAndCountWithinItsLimit() {
        JsonNode last = scim.get("/Users?startIndex=11&count=50");
        JsonNode capped = scim.get("/Users?count=50");
        JsonNode none = scim.get("/Users?count=0");

        assertThat(last.path("totalResults").asInt()).isEqualTo(12);
        assertThat(last.path("startIndex").asInt()).isEqualTo(11);
        assertThat(last.path("itemsPerPage").asInt()).isEqualTo(2);
        assertThat(capped.path("Resources").size()).isEqualTo(5);
        assertThat(none.path("Resources").size()).isZero();
        assertThat(none.path("totalResults").asInt()).isEqualTo(12);
    }

    @Test
    void answersAStaleIfMatchWith412AndAcceptsTheCurrentVersion() {
        JsonNode user = scim.get("/Users?filter=" + encode("userName eq \"idn-trader-2@bank.example\"")).path("Resources").get(0);
        String id = user.path("id").asString();
        HttpResponse<String> read = scim.send("GET", "/Users/" + id, null);
        String version = read.headers().firstValue("ETag").orElseThrow();
        String patch = "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"Replace\",\"path\":\"title\",\"value\":\"Desk Head\"}]}";

        HttpResponse<String> stale = scim.send("PATCH", "/Users/" + id, patch, "If-Match", "W/\"0000000000000000\"");
        HttpResponse<String> current = scim.send("PATCH", "/Users/" + id, patch, "If-Match", version);

        assertThat(ScimHttp.json(read).path("meta").path("version").asString()).isEqualTo(version);
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(ScimHttp.json(stale).path("detail").asString()).isEqualTo("If-Match W/\"0000000000000000\" is not the current version "
                + version + "; read the resource again");
        assertThat(current.statusCode()).isEqualTo(200);
        assertThat(current.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(version);
        assertThat(tenant.userByLogin("okta", "idn-trader-2@bank.example").orElseThrow().title()).isEqualTo("Desk Head");
    }

    @Test
    void patchesMembersIntoAndOutOfAGroup() {
        String first = tenant.userByLogin("okta", "idn-trader-1@bank.example").orElseThrow().externalId();
        String second = tenant.userByLogin("okta", "idn-trader-2@bank.example").orElseThrow().externalId();
        String group = scim.post("/Groups", Map.of("schemas", List.of(GROUP), "displayName", "OKTA-DESK")).path("id").asString();

        scim.send("PATCH", "/Groups/" + group, "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"add\",\"path\":\"members\","
                + "\"value\":[{\"value\":\"" + first + "\"},{\"value\":\"" + second + "\"}]}]}");
        HttpResponse<String> removed = scim.send("PATCH", "/Groups/" + group, "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":"
                + "[{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + first + "\\\"]\"}]}");

        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(ScimHttp.json(removed).path("members").findValuesAsString("value")).containsExactly(second);
        assertThat(tenant.isMember("okta", "OKTA-DESK", "idn-trader-1@bank.example")).isFalse();
        assertThat(tenant.isMember("okta", "OKTA-DESK", "idn-trader-2@bank.example")).isTrue();
    }

    @Test
    void refusesMalformedAndTruncatedJsonAsInvalidSyntax() {
        HttpResponse<String> truncated = scim.send("POST", "/Users", "{\"schemas\":[\"" + USER + "\"],\"userName\":\"ti");
        HttpResponse<String> malformed = scim.send("POST", "/Users", "userName=tim");

        assertThat(truncated.statusCode()).isEqualTo(400);
        assertThat(ScimHttp.json(truncated).path("scimType").asString()).isEqualTo("invalidSyntax");
        assertThat(ScimHttp.json(truncated).path("detail").asString()).startsWith("the request body is not valid JSON: ");
        assertThat(ScimHttp.json(malformed).path("scimType").asString()).isEqualTo("invalidSyntax");
        assertThat(tenant.userByLogin("okta", "tim")).isEmpty();
    }

    @Test
    void ignoresAttributesItDoesNotKnow() {
        JsonNode created = scim.post("/Users", Map.of("schemas", List.of(USER), "userName", "svc-reports", "favouriteColour", "blue",
                "urn:example:params:scim:schemas:extension:unknown:2.0:User", Map.of("badge", 7)));

        assertThat(created.has("favouriteColour")).isFalse();
        assertThat(created.path("userName").asString()).isEqualTo("svc-reports");
        assertThat(tenant.accountStatus("okta", "svc-reports")).contains(AccountStatus.ACTIVE);
    }

    @Test
    void refusesToRenameAUser() {
        JsonNode user = scim.get("/Users?filter=" + encode("userName eq \"idn-cco@bank.example\"")).path("Resources").get(0);

        HttpResponse<String> renamed = scim.send("PUT", "/Users/" + user.path("id").asString(),
                "{\"schemas\":[\"" + USER + "\"],\"userName\":\"someone-else\"}");

        assertThat(renamed.statusCode()).isEqualTo(400);
        assertThat(ScimHttp.json(renamed).path("scimType").asString()).isEqualTo("mutability");
    }

    @Test
    void aRefusedReplacementChangesNothing() {
        String id = tenant.userByLogin("okta", "idn-infra-1@bank.example").orElseThrow().externalId();

        HttpResponse<String> refused = scim.send("PUT", "/Users/" + id, "{\"schemas\":[\"" + USER + "\"],\"userName\":\"idn-infra-1@bank.example\","
                + "\"title\":\"Intern\",\"active\":\"maybe\"}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(ScimHttp.json(refused).path("detail").asString()).isEqualTo("active: must be true or false");
        assertThat(tenant.userByLogin("okta", "idn-infra-1@bank.example").orElseThrow().title()).isEqualTo("Infrastructure Engineer");
    }

    @Test
    void deletesAUserAndThenAnswers404() {
        String id = tenant.userByLogin("okta", "idn-settle-3@bank.example").orElseThrow().externalId();

        scim.delete("/Users/" + id);
        HttpResponse<String> gone = scim.send("GET", "/Users/" + id, null);

        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(ScimHttp.json(gone)).isEqualTo(json(Map.of("schemas", List.of(ERROR), "status", "404", "detail", "Users/" + id + ": no such User")));
    }

    @Test
    void rateLimitsEveryNthRequestWithRetryAfter() {
        server.close();
        start(new StandInOptions(TOKEN, 5, 2, 0, Map.of("scim.platform", "okta")));

        HttpResponse<String> first = scim.send("GET", "/Users", null);
        HttpResponse<String> second = scim.send("GET", "/Users", null);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.headers().firstValue("Retry-After")).contains("1");
        assertThat(ScimHttp.json(second).path("schemas").get(0).asString()).isEqualTo(ERROR);
    }

    @Test
    void servesTheLocalPlatformWhenTheTenantHasNoScimPlatform() {
        server.close();
        tenant = new SimulatedTenant();
        tenant.createUser("local", "SVC-MAINFRAME-01");
        server = StandInServer.start(0, tenant, StandInOptions.withToken(TOKEN));
        scim = new ScimHttp(URI.create(server.baseUri() + "/scim/v2"), TOKEN);

        assertThat(scim.get("/Users").path("Resources").findValuesAsString("userName")).containsExactly("SVC-MAINFRAME-01");
    }

    private List<String> users(String filter) {
        return scim.get("/Users?filter=" + encode(filter)).path("Resources").findValuesAsString("userName");
    }

    private int matches(String filter) {
        return scim.get("/Users?filter=" + encode(filter)).path("totalResults").asInt();
    }

    private HttpResponse<String> unauthenticated(String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUri() + "/scim/v2/Users"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void start(StandInOptions options) {
        server = StandInServer.start(0, tenant, options);
        scim = new ScimHttp(URI.create(server.baseUri() + "/scim/v2"), TOKEN);
    }

    private static JsonNode json(Map<String, Object> value) {
        return JsonMapper.builder().build().valueToTree(value);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
