package io.countersign.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.okta.sdk.authc.credentials.TokenClientCredentials;
import com.okta.sdk.client.Clients;
import com.okta.sdk.resource.api.ApplicationApi;
import com.okta.sdk.resource.api.ApplicationUsersApi;
import com.okta.sdk.resource.api.GroupApi;
import com.okta.sdk.resource.api.SystemLogApi;
import com.okta.sdk.resource.api.UserApi;
import com.okta.sdk.resource.client.ApiClient;
import com.okta.sdk.resource.client.ApiException;
import com.okta.sdk.resource.common.PagedList;
import com.okta.sdk.resource.model.Application;
import com.okta.sdk.resource.model.Group;
import com.okta.sdk.resource.model.LogEvent;
import com.okta.sdk.resource.model.User;
import com.okta.sdk.resource.model.UserStatus;
import io.countersign.directory.AccountStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Okta stand-in checked by a client nobody here wrote: Okta's official Java SDK, configured with nothing but
 * the org URL and an API token, lists and pages what the stand-in serves exactly as it would from an Okta org.
 */
class OktaStandInFidelityTests {

    private static final String TOKEN = "fidelity-token-0123456789";
    private static final SimulatedTenant TENANT = new SimulatedTenant();
    private static StandInServer server;
    private static ApiClient okta;

    @BeforeAll
    static void serveASyntheticBank() {
        TENANT.seed(new SyntheticBank().generate(new BankSpec(7, 300, 30, LocalDate.of(2025, 6, 30))).snapshot(), 7, 3);
        server = StandInServer.start(0, TENANT, new StandInOptions(TOKEN, 40, 0, 0, Map.of()));
        okta = sdk(server.baseUri(), TOKEN);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theSdkPagesThroughEveryUserAndSeesDeprovisionedOnesOnlyWhenItAsks() {
        UserApi users = new UserApi(okta);
        List<User> listed = all(after -> users.listUsers(null, null, after, 25, null, null, null, null));
        List<User> deprovisioned = all(after -> users.listUsers(null, null, after, 25, "status eq \"DEPROVISIONED\"", null, null, null));

        Map<String, SimulatedTenant.User> tenantUsers = TENANT.users("okta").stream()
                .collect(Collectors.toMap(SimulatedTenant.User::externalId, Function.identity()));
        assertThat(listed).extracting(User::getStatus).containsOnly(UserStatus.ACTIVE);
        assertThat(deprovisioned).extracting(User::getStatus).containsOnly(UserStatus.DEPROVISIONED);
        assertThat(listed.size() + deprovisioned.size()).isEqualTo(tenantUsers.size());
        assertThat(deprovisioned).isNotEmpty();
        User first = listed.getFirst();
        SimulatedTenant.User expected = tenantUsers.get(first.getId());
        assertThat(first.getProfile().getLogin()).isEqualTo(expected.login());
        assertThat(first.getProfile().getEmployeeNumber()).isEqualTo(expected.employeeNumber());
        assertThat(first.getProfile().getDepartment()).isEqualTo(expected.department());
        assertThat(tenantUsers.values()).filteredOn(u -> u.status() == AccountStatus.DISABLED).hasSameSizeAs(deprovisioned);
    }

    @Test
    void theSdkPagesTheSystemLogInOrderUntilThePollingPageComesBackEmpty() {
        SystemLogApi logs = new SystemLogApi(okta);
        String since = OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).toString();
        List<LogEvent> read = new ArrayList<>();
        String after = null;
        int pages = 0;
        while (true) {
            PagedList<LogEvent> page = (PagedList<LogEvent>) logs.listLogEvents(since, null, after, null, null, 100, "ASCENDING");
            pages++;
            assertThat(page.hasMoreItems()).as("a polling page always links to the next").isTrue();
            if (page.isEmpty()) {
                break;
            }
            read.addAll(page);
            after = page.getAfter();
        }

        List<SimulatedTenant.Event> log = TENANT.events("okta", 0);
        assertThat(pages).isGreaterThan(2);
        assertThat(read).extracting(LogEvent::getUuid).containsExactlyElementsOf(log.stream().map(SimulatedTenant.Event::id).toList());
        LogEvent signIn = read.getFirst();
        assertThat(signIn.getEventType()).isEqualTo("user.session.start");
        assertThat(signIn.getActor().getAlternateId()).isEqualTo(log.getFirst().actorLogin());
        assertThat(signIn.getClient().getIpAddress()).isEqualTo(log.getFirst().ip());
        assertThat(signIn.getOutcome().getResult().getValue()).isEqualTo(log.getFirst().outcome());
        assertThat(signIn.getPublished().toInstant()).isEqualTo(log.getFirst().at().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    @Test
    void theSdkReadsGroupsWithTheirMembersAndApplicationsWithTheirUsersRoles() {
        GroupApi groupApi = new GroupApi(okta);
        List<Group> groups = all(after -> groupApi.listGroups(null, null, after, 10, null, null, null, null));
        Map<String, Set<String>> members = new HashMap<>();
        groups.forEach(g -> members.put(g.getProfile().getName(),
                all(after -> groupApi.listGroupUsers(g.getId(), after, 10)).stream().map(User::getId).collect(Collectors.toSet())));
        ApplicationUsersApi appUsers = new ApplicationUsersApi(okta);
        List<Application> apps = all(after -> new ApplicationApi(okta).listApplications(null, after, null, 5, null, null, null));
        Map<String, Map<String, Object>> roles = new HashMap<>();
        apps.forEach(a -> all(after -> appUsers.listApplicationUsers(a.getId(), after, 20, null, null))
                .forEach(u -> roles.put(a.getLabel() + "/" + u.getId(), u.getProfile())));

        assertThat(members).isEqualTo(TENANT.groups("okta").stream()
                .collect(Collectors.toMap(SimulatedTenant.Group::name, SimulatedTenant.Group::members)));
        Map<String, Map<String, Object>> expected = new HashMap<>();
        TENANT.apps("okta").forEach(a -> a.assignments().forEach((user, r) ->
                expected.put(a.name() + "/" + user, Map.of("roles", r.stream().sorted().toList()))));
        assertThat(roles).isEqualTo(expected).isNotEmpty();
    }

    @Test
    void aWrongTokenIsRefusedWithOktasErrorBody() {
        UserApi users = new UserApi(sdk(server.baseUri(), "not-the-token-0123456789"));

        assertThatThrownBy(() -> users.listUsers(null, null, null, 5, null, null, null, null))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(401);
                    assertThat(e.getResponseBody()).contains("\"errorCode\":\"E0000011\"").contains("\"errorSummary\":\"Invalid token provided\"");
                });
    }

    @Test
    void everyAnswerCarriesOktasRateLimitHeadersAndAnInjectedStormAnswers429WithE0000047() throws Exception {
        try (StandInServer stormy = StandInServer.start(0, TENANT, new StandInOptions(TOKEN, 0, 2, 0, Map.of()));
             HttpClient http = HttpClient.newHttpClient()) {
            HttpRequest request = HttpRequest.newBuilder(stormy.baseUri().resolve("/api/v1/groups?limit=1"))
                    .header("Authorization", "SSWS " + TOKEN).build();
            HttpResponse<String> first = http.send(request, HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> second = http.send(request, HttpResponse.BodyHandlers.ofString());

            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.headers().firstValue("X-Rate-Limit-Limit")).hasValue("10000");
            assertThat(first.headers().firstValue("X-Rate-Limit-Remaining")).hasValue("9999");
            assertThat(first.headers().firstValue("X-Rate-Limit-Reset")).isPresent();
            assertThat(second.statusCode()).isEqualTo(429);
            assertThat(second.headers().firstValue("X-Rate-Limit-Remaining")).hasValue("0");
            assertThat(second.body()).contains("\"errorCode\":\"E0000047\"");
        }
    }

    /** Follows the SDK's own paging: each list comes back as a page whose {@code after} names the next. */
    private static <T> List<T> all(Function<String, List<T>> page) {
        List<T> all = new ArrayList<>();
        String after = null;
        do {
            PagedList<T> current = (PagedList<T>) page.apply(after);
            all.addAll(current);
            after = current.getAfter();
        } while (after != null);
        return all;
    }

    /** Okta's SDK refuses a plain-http org URL unless its testing switch is on; it is set only while this client is built. */
    static ApiClient sdk(URI orgUrl, String token) {
        String previous = System.setProperty("okta.testing.disableHttpsCheck", "true");
        try {
            return Clients.builder().setOrgUrl(orgUrl.toString()).setClientCredentials(new TokenClientCredentials(token)).build();
        } finally {
            if (previous == null) {
                System.clearProperty("okta.testing.disableHttpsCheck");
            } else {
                System.setProperty("okta.testing.disableHttpsCheck", previous);
            }
        }
    }
}
