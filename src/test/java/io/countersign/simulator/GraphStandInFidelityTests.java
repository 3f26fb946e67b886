package io.countersign.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.microsoft.graph.core.authentication.AzureIdentityAuthenticationProvider;
import com.microsoft.graph.core.tasks.PageIterator;
import com.microsoft.graph.models.DirectoryObject;
import com.microsoft.graph.models.DirectoryObjectCollectionResponse;
import com.microsoft.graph.models.SignIn;
import com.microsoft.graph.models.SignInCollectionResponse;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.UserCollectionResponse;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.serialization.Parsable;
import com.microsoft.kiota.serialization.AdditionalDataHolder;
import com.microsoft.kiota.serialization.ParsableFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Graph stand-in as Microsoft's own Graph SDK for Java sees it: a stock {@link GraphServiceClient} made
 * with nothing but a credential (allowed to the stand-in's host) and the stand-in's base URL lists users and group
 * members and pages sign-ins
 * through {@code @odata.nextLink}, and reads the stand-in's OData errors as {@link ODataError}s.
 */
class GraphStandInFidelityTests {

    private static final String SECRET = "graph-fidelity-client-secret";
    private static final GeneratedBank BANK = TestBanks.GENERATOR.generate(new BankSpec(7, 120, 30, TestBanks.AS_OF));

    private final SimulatedTenant tenant = new SimulatedTenant();
    private StandInServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theGraphSdkListsEveryUserAcrossPages() throws Exception {
        GraphServiceClient graph = stockClient(new StandInOptions(SECRET, 0, 0, 0, Map.of()));

        UserCollectionResponse first = graph.users().get(rc -> {
            rc.queryParameters.top = 25;
            rc.queryParameters.select = new String[] {"id", "userPrincipalName", "accountEnabled", "employeeId"};
        });
        List<User> users = all(graph, first, UserCollectionResponse::createFromDiscriminatorValue);

        assertThat(first.getOdataNextLink()).startsWith(server.baseUri() + "/graph/v1.0/users?");
        assertThat(users).extracting(User::getId).containsExactlyInAnyOrderElementsOf(
                tenant.users("entra").stream().map(SimulatedTenant.User::externalId).toList());
        assertThat(users).extracting(User::getUserPrincipalName).allMatch(upn -> upn.endsWith("@bank.example"));
    }

    @Test
    void theGraphSdkPagesSignInsInAscendingOrderFromAFilter() throws Exception {
        GraphServiceClient graph = stockClient(new StandInOptions(SECRET, 0, 0, 0, Map.of()));
        Instant since = Instant.parse("2025-06-25T00:00:00Z");

        SignInCollectionResponse first = graph.auditLogs().signIns().get(rc -> {
            rc.queryParameters.top = 40;
            rc.queryParameters.filter = "createdDateTime ge " + since;
            rc.queryParameters.orderby = new String[] {"createdDateTime asc"};
        });
        List<SignIn> signIns = all(graph, first, SignInCollectionResponse::createFromDiscriminatorValue);

        long expected = tenant.events("entra", 0).stream()
                .filter(e -> e.type().equals("user.session.start") && !e.at().isBefore(since)).count();
        assertThat(signIns).hasSize((int) expected).extracting(SignIn::getId).doesNotHaveDuplicates();
        assertThat(signIns).extracting(SignIn::getCreatedDateTime).isSortedAccordingTo(Comparator.naturalOrder())
                .allMatch(at -> !at.toInstant().isBefore(since));
        assertThat(signIns).allSatisfy(s -> {
            assertThat(s.getStatus().getErrorCode()).isIn(0, 50126);
            assertThat(s.getUserPrincipalName()).endsWith("@bank.example");
            assertThat(s.getLocation().getCountryOrRegion()).isNotBlank();
        });
    }

    @Test
    void theGraphSdkReadsGroupMembersAsUsers() throws Exception {
        GraphServiceClient graph = stockClient(new StandInOptions(SECRET, 5, 0, 0, Map.of()));
        SimulatedTenant.Group group = tenant.groups("entra").stream().max(Comparator.comparingInt(g -> g.members().size())).orElseThrow();

        DirectoryObjectCollectionResponse first = graph.groups().byGroupId(group.externalId()).members().get(rc -> rc.queryParameters.select = new String[] {"id"});
        List<DirectoryObject> members = all(graph, first, DirectoryObjectCollectionResponse::createFromDiscriminatorValue);

        assertThat(group.members()).hasSizeGreaterThan(5);
        assertThat(members).allMatch(User.class::isInstance).extracting(DirectoryObject::getId)
                .containsExactlyInAnyOrderElementsOf(group.members());
    }

    @Test
    void theGraphSdkRetriesThrottledCallsAfterRetryAfter() throws Exception {
        GraphServiceClient graph = stockClient(new StandInOptions(SECRET, 30, 2, 0, Map.of()));

        List<User> users = all(graph, graph.users().get(), UserCollectionResponse::createFromDiscriminatorValue);

        assertThat(users).hasSize(tenant.users("entra").size());
    }

    @Test
    void theGraphSdkReadsTheStandInsErrorsAsODataErrors() {
        GraphServiceClient graph = stockClient(new StandInOptions(SECRET, 0, 0, 0, Map.of()));

        assertThatThrownBy(() -> graph.users().byUserId("nobody@bank.example").get()).isInstanceOfSatisfying(ODataError.class, e -> {
            assertThat(e.getResponseStatusCode()).isEqualTo(404);
            assertThat(e.getError().getCode()).isEqualTo("Request_ResourceNotFound");
            assertThat(e.getError().getInnerError().getRequestId()).isNotBlank();
        });
        GraphServiceClient forged = client(server.baseUri() + "/graph/v1.0", "forged-token");
        assertThatThrownBy(() -> forged.users().get()).isInstanceOfSatisfying(ODataError.class, e -> {
            assertThat(e.getResponseStatusCode()).isEqualTo(401);
            assertThat(e.getError().getCode()).isEqualTo("InvalidAuthenticationToken");
        });
    }

    /** Seeds the tenant, starts the stand-ins, and makes a stock client with a token from the stand-in's token endpoint. */
    private GraphServiceClient stockClient(StandInOptions options) {
        tenant.seed(BANK.snapshot(), 7, 4);
        server = StandInServer.start(0, tenant, options);
        return client(server.baseUri() + "/graph/v1.0", token());
    }

    /**
     * The SDK's own authentication provider; its host allow-list (by default only Microsoft's Graph hosts, so a token
     * never leaks elsewhere) must name the stand-in's host.
     */
    private static GraphServiceClient client(String baseUrl, String token) {
        TokenCredential credential = request -> Mono.just(new AccessToken(token, OffsetDateTime.now().plusHours(1)));
        GraphServiceClient graph = new GraphServiceClient(new AzureIdentityAuthenticationProvider(credential,
                new String[] {URI.create(baseUrl).getHost()}, "https://graph.microsoft.com/.default"));
        graph.getRequestAdapter().setBaseUrl(baseUrl);
        return graph;
    }

    /** The client-credentials grant, by hand: the Azure Identity library refuses a plain-http authority. */
    private String token() {
        String form = "grant_type=client_credentials&client_id=fidelity&client_secret=" + SECRET + "&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default";
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/graph/contoso.example/oauth2/v2.0/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            return JsonMapper.builder().build().readTree(answer.body()).get("access_token").asString();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static <T extends Parsable, P extends Parsable & AdditionalDataHolder> List<T> all(GraphServiceClient graph, P first,
                                                                                                ParsableFactory<P> factory) throws Exception {
        List<T> items = new ArrayList<>();
        Function<T, Boolean> collect = item -> items.add(item);
        new PageIterator.Builder<T, P>().client(graph).collectionPage(first).collectionPageFactory(factory)
                .processPageItemCallback(collect).build().iterate();
        return items;
    }
}
