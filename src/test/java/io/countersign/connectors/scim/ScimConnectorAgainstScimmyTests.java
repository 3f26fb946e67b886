package io.countersign.connectors.scim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;

import io.countersign.connectors.ChangeResult;
import io.countersign.connectors.ConnectorWrite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The SCIM connector against scimmy on Express, a service provider written by others (see {@link ScimmyServer}). */
class ScimConnectorAgainstScimmyTests extends ScimConnectorContract {

    private static ScimmyServer scimmy;

    @BeforeAll
    static void startScimmy() {
        scimmy = ScimmyServer.start(TOKEN);
    }

    @AfterAll
    static void stopScimmy() {
        if (scimmy != null) {
            scimmy.close();
        }
    }

    @Override
    URI baseUrl() {
        return scimmy.baseUrl();
    }

    /** scimmy says it has no ETags and keeps no meta.version, so the connector's writes carry no If-Match and still land. */
    @Test
    void writesWithoutIfMatchWhereTheProviderKeepsNoVersions() {
        assertThat(http().get("/ServiceProviderConfig").path("etag").path("supported").asBoolean()).isFalse();
        ScimConnector scim = connector();
        String login = unique("mary");
        created(scim, login);
        JsonNode user = http().get("/Users?filter=" + filter("userName eq \"" + login + "\"")).path("Resources").get(0);
        assertThat(user.path("meta").has("version")).isFalse();

        assertThat(scim.apply(new ConnectorWrite.DisableUser("scim", login))).isInstanceOf(ChangeResult.Applied.class);
        assertThat(scim.apply(new ConnectorWrite.CreateUser("scim", login, Map.of("title", "Engineer")))).isInstanceOf(ChangeResult.Applied.class);
    }
}
