package io.countersign.connectors.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import io.countersign.connectors.ChangeResult;
import io.countersign.connectors.ConnectorException;
import io.countersign.connectors.ConnectorWrite;
import io.countersign.directory.PlatformSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connector facing answers no honest provider should give: cut-off JSON, HTML, surplus fields, a paging it ignores. */
class ScimConnectorUnusableAnswersTests {

    private static final String LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    private HttpServer server;
    private volatile int status = 200;
    private volatile String body = "{}";
    private volatile String contentType = "application/scim+json";

    @BeforeEach
    void startAProviderThatSaysWhatItIsTold() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", contentType);
                exchange.sendResponseHeaders(status, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aTruncatedAnswerFailsTheWriteAndSaysSo() {
        answer(200, "{\"schemas\":[\"" + LIST + "\"],\"totalResults\":1,\"Resources\":[{\"id\":\"1\",\"userName\":\"ada\"");

        ChangeResult result = connector().apply(new ConnectorWrite.DisableUser("scim", "ada"));

        assertThat(result).isInstanceOf(ChangeResult.Failed.class);
        assertThat(result.detail()).startsWith("GET /Users?filter=userName eq …: the answer is not SCIM JSON (malformed or truncated: ");
    }

    @Test
    void anHtmlAnswerFailsTheWriteAndSaysSo() {
        answer(200, "<html><body>Gateway login</body></html>");

        ChangeResult result = connector().apply(new ConnectorWrite.DisableUser("scim", "ada"));

        assertThat(result).isInstanceOf(ChangeResult.Failed.class);
        assertThat(result.detail()).startsWith("GET /Users?filter=userName eq …: the answer is not SCIM JSON (malformed or truncated: ");
    }

    @Test
    void fieldsItDoesNotKnowAreIgnored() {
        answer(200, "{\"schemas\":[\"" + LIST + "\"],\"totalResults\":1,\"startIndex\":1,\"itemsPerPage\":1,\"nextPageHint\":\"x\",\"Resources\":[{"
                + "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\",\"urn:example:params:scim:schemas:extension:badge:2.0:User\"],"
                + "\"id\":\"u1\",\"userName\":\"ada\",\"active\":true,\"shoeSize\":38,\"urn:example:params:scim:schemas:extension:badge:2.0:User\":"
                + "{\"badge\":{\"colour\":\"green\"}},\"meta\":{\"resourceType\":\"User\",\"created\":\"2026-01-05T09:00:00Z\",\"mood\":\"fine\"}}]}");

        PlatformSnapshot snapshot = connector("group-mode", "none").readDirectory();

        assertThat(snapshot.users()).extracting(PlatformSnapshot.User::externalId, PlatformSnapshot.User::login)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("u1", "ada"));
        assertThat(snapshot.users().getFirst().createdAt()).hasToString("2026-01-05T09:00:00Z");
    }

    @Test
    void aProviderThatIgnoresStartIndexIsReportedNotLoopedOver() {
        answer(200, "{\"schemas\":[\"" + LIST + "\"],\"totalResults\":5,\"startIndex\":1,\"itemsPerPage\":2,\"Resources\":["
                + "{\"id\":\"u1\",\"userName\":\"ada\"},{\"id\":\"u2\",\"userName\":\"alan\"}]}");

        assertThatThrownBy(() -> connector("group-mode", "none", "page-size", "2").readDirectory()).isInstanceOf(ConnectorException.class)
                .hasMessageEndingWith("GET /Users?startIndex=3&count=2: the provider ignored startIndex (answered from 1), so no more than 2 of 5 can be read");
    }

    @Test
    void anErrorInTheScimSchemaIsPassedOnWithItsStatusAndType() {
        answer(409, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\"409\",\"scimType\":\"uniqueness\","
                + "\"detail\":\"userName ada is taken\"}");

        assertThat(connector().apply(new ConnectorWrite.DisableUser("scim", "ada")))
                .isEqualTo(new ChangeResult.Rejected("GET /Users?filter=userName eq …: SCIM 409 uniqueness: userName ada is taken"));
    }

    @Test
    void anErrorWithoutAScimBodyKeepsItsStatus() {
        contentType = "text/html";
        answer(404, "<h1>No such page</h1>");

        assertThat(connector().apply(new ConnectorWrite.DisableUser("scim", "ada"))).isEqualTo(new ChangeResult.Rejected(
                "GET /Users?filter=userName eq …: SCIM 404: Not Found"));
    }

    @Test
    void aProviderThatIsGoneFailsRetryablyAfterItsRetries() {
        ScimConnector scim = connector();
        server.stop(0);

        ChangeResult result = scim.apply(new ConnectorWrite.DisableUser("scim", "ada"));

        assertThat(result).isInstanceOf(ChangeResult.Failed.class);
        assertThat(((ChangeResult.Failed) result).retryable()).isTrue();
        assertThat(result.detail()).startsWith("GET /Users?filter=userName eq …: no answer: GET http://127.0.0.1:" + server.getAddress().getPort()
                + "/scim/v2/Users failed 4 times: ConnectException");
    }

    private void answer(int status, String body) {
        this.status = status;
        this.body = body;
    }

    private ScimConnector connector(String... settings) {
        Map<String, String> configuration = new java.util.HashMap<>(Map.of("url", "http://127.0.0.1:" + server.getAddress().getPort() + "/scim/v2",
                "token", "file:" + ScimConnectorContract.TOKEN_FILE));
        for (int i = 0; i < settings.length; i += 2) {
            configuration.put(settings[i], settings[i + 1]);
        }
        return new ScimConnector(ScimSettings.from(configuration), ScimConnectorContract.QUICK);
    }
}
