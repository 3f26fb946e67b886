package io.countersign.connectors.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.countersign.connectors.ChangeResult;
import io.countersign.connectors.ConnectorException;
import io.countersign.connectors.ConnectorWrite;
import io.countersign.connectors.ReadBack;
import io.countersign.directory.AccountStatus;
import io.countersign.simulator.SimulatedTenant;
import io.countersign.simulator.StandInOptions;
import io.countersign.simulator.StandInServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SCIM connector against our stand-in: the same behaviour as against scimmy, plus versions, 412, 429 and 503. */
class ScimConnectorAgainstStandInTests extends ScimConnectorContract {

    private SimulatedTenant tenant;
    private StandInServer server;

    @BeforeEach
    void startStandIn() {
        start(StandInOptions.withToken(TOKEN));
    }

    @AfterEach
    void stopStandIn() {
        server.close();
    }

    @Override
    URI baseUrl() {
        return URI.create(server.baseUri() + "/scim/v2");
    }

    @Test
    void readsAgainAndRetriesOnceWhenTheResourceChangedBetweenReadAndWrite() throws IOException {
        String login = unique("ida");
        created(connector(), login);
        String id = tenant.userByLogin("scim", login).orElseThrow().externalId();
        try (InterferingProxy proxy = new InterferingProxy(server.baseUri())) {
            proxy.editBeforeWrites(1, () -> tenant.updateUser("scim", id, Map.of("title", "Changed meanwhile")));

            ChangeResult result = connector("url", proxy.baseUrl("/scim/v2").toString()).apply(new ConnectorWrite.DisableUser("scim", login));

            assertThat(result).isInstanceOf(ChangeResult.Applied.class);
            assertThat(proxy.writes()).isEqualTo(2);
        }
        SimulatedTenant.User user = tenant.userByLogin("scim", login).orElseThrow();
        assertThat(user.status()).isEqualTo(AccountStatus.DISABLED);
        assertThat(user.title()).isEqualTo("Changed meanwhile");
    }

    @Test
    void replacesConditionallyTooAndRetriesOnceAfterAPreconditionFailure() throws IOException {
        String login = unique("hedy");
        created(connector(), login);
        String id = tenant.userByLogin("scim", login).orElseThrow().externalId();
        try (InterferingProxy proxy = new InterferingProxy(server.baseUri())) {
            proxy.editBeforeWrites(1, () -> tenant.updateUser("scim", id, Map.of("department", "Research")));

            ChangeResult result = connector("url", proxy.baseUrl("/scim/v2").toString())
                    .apply(new ConnectorWrite.CreateUser("scim", login, Map.of("title", "Inventor")));

            assertThat(result).isInstanceOf(ChangeResult.Applied.class);
            assertThat(proxy.writes()).isEqualTo(2);
        }
        assertThat(tenant.userByLogin("scim", login).orElseThrow()).extracting(SimulatedTenant.User::title, SimulatedTenant.User::department)
                .containsExactly("Inventor", "Research");
    }

    @Test
    void reportsAResourceThatKeepsChangingAfterOneRetry() throws IOException {
        String login = unique("annie");
        created(connector(), login);
        String id = tenant.userByLogin("scim", login).orElseThrow().externalId();
        AtomicInteger edits = new AtomicInteger();
        try (InterferingProxy proxy = new InterferingProxy(server.baseUri())) {
            proxy.editBeforeWrites(10, () -> tenant.updateUser("scim", id, Map.of("title", "Edit " + edits.incrementAndGet())));

            ChangeResult result = connector("url", proxy.baseUrl("/scim/v2").toString()).apply(new ConnectorWrite.DisableUser("scim", login));

            assertThat(result).isInstanceOf(ChangeResult.Failed.class);
            assertThat(((ChangeResult.Failed) result).retryable()).isTrue();
            assertThat(result.detail()).startsWith("PATCH /Users/" + id + ": SCIM 412: If-Match W/\"")
                    .endsWith("; read the resource again (again after re-reading: the resource keeps changing)");
            assertThat(proxy.writes()).isEqualTo(2);
        }
        assertThat(tenant.accountStatus("scim", login)).contains(AccountStatus.ACTIVE);
    }

    @Test
    void ridesOutRateLimitsAndServerErrorsWithinItsRetries() {
        restart(new StandInOptions(TOKEN, 0, 3, 4, Map.of()));
        ScimConnector scim = connector();
        String login = unique("rosalind");
        String name = unique("GRP-RETRIES");

        tenant.createGroup("scim", name, null);

        assertThat(scim.apply(new ConnectorWrite.CreateUser("scim", login, Map.of("lastName", "Franklin")))).isInstanceOf(ChangeResult.Applied.class);
        ConnectorWrite.AddMembership add = new ConnectorWrite.AddMembership("scim", login, name, null);
        assertThat(scim.apply(add)).isInstanceOf(ChangeResult.Applied.class);
        assertThat(scim.readBack(add).confirmed()).isTrue();
        assertThat(scim.readDirectory().users()).extracting(u -> u.login()).contains(login);
    }

    @Test
    void givesUpAfterItsBoundedRetriesAndSaysWhy() {
        restart(new StandInOptions(TOKEN, 0, 0, 1, Map.of()));
        ScimConnector scim = connector();

        assertThat(scim.apply(new ConnectorWrite.DisableUser("scim", "nobody"))).isEqualTo(new ChangeResult.Failed(
                "GET /Users?filter=userName eq …: SCIM 503: the service is unavailable; retry after 1 second", true));
        assertThatThrownBy(scim::readDirectory).isInstanceOf(ConnectorException.class)
                .hasMessage("reading scim at " + baseUrl() + ": GET /Users?startIndex=1&count=3: SCIM 503: the service is unavailable; retry after 1 second")
                .extracting(e -> ((ConnectorException) e).code()).isEqualTo("connector.scim");
    }

    @Test
    void replacesWithPutWhereTheProviderHasNoPatch() {
        restart(new StandInOptions(TOKEN, 0, 0, 0, Map.of("scim.patch", "false")));
        ScimConnector scim = connector();
        String login = unique("barbara");
        created(scim, login);
        String name = unique("GRP-PUT");
        group(name);
        ConnectorWrite.AddMembership add = new ConnectorWrite.AddMembership("scim", login, name, null);

        assertThat(scim.apply(add)).isInstanceOf(ChangeResult.Applied.class);
        assertThat(scim.apply(new ConnectorWrite.DisableUser("scim", login))).isInstanceOf(ChangeResult.Applied.class);

        assertThat(scim.readBack(add)).isEqualTo(new ReadBack(true, Map.of("login", login, "group", name, "member", true)));
        assertThat(tenant.accountStatus("scim", login)).contains(AccountStatus.DISABLED);
        assertThat(http().send("PATCH", "/Users/x", "{}").statusCode()).isEqualTo(501);
    }

    private void start(StandInOptions options) {
        tenant = new SimulatedTenant();
        server = StandInServer.start(0, tenant, options);
    }

    private void restart(StandInOptions options) {
        server.close();
        start(options);
    }
}
