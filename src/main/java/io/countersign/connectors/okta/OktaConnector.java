package io.countersign.connectors.okta;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.okta.sdk.resource.client.ApiClient;
import io.countersign.connectors.ChangeResult;
import io.countersign.connectors.Connector;
import io.countersign.connectors.ConnectorException;
import io.countersign.connectors.ConnectorWrite;
import io.countersign.connectors.EventPage;
import io.countersign.connectors.ReadBack;
import io.countersign.connectors.ResilientHttp;
import io.countersign.connectors.SecretRef;
import io.countersign.connectors.TenantReader;
import io.countersign.directory.PlatformSnapshot;

/**
 * One Okta org: writes and read-backs and the directory through Okta's Java SDK, the System Log by hand, and the
 * secret its event hooks present. The API token and the hook secret are read when the connector is made and
 * kept only inside it.
 */
final class OktaConnector implements Connector, TenantReader {

    private final OktaDirectoryReader directory;
    private final OktaWriter writer;
    private final OktaReadBack readBack;
    private final SystemLogReader systemLog;
    private final Optional<byte[]> hookAuthorization;

    private OktaConnector(OktaDirectoryReader directory, OktaWriter writer, OktaReadBack readBack, SystemLogReader systemLog,
                          Optional<byte[]> hookAuthorization) {
        this.directory = directory;
        this.writer = writer;
        this.readBack = readBack;
        this.systemLog = systemLog;
        this.hookAuthorization = hookAuthorization;
    }

    static OktaConnector create(OktaSettings settings) {
        String token = settings.token().reveal();
        ApiClient client = OktaSdk.client(settings, token);
        OktaLookups lookups = new OktaLookups(client);
        ResilientHttp http = new ResilientHttp(new ResilientHttp.Policy(settings.maxAttempts(), Duration.ofMillis(500), Duration.ofSeconds(60),
                settings.timeout()));
        return new OktaConnector(new OktaDirectoryReader(client), new OktaWriter(client, lookups, settings.reasonAttribute()),
                new OktaReadBack(lookups, settings.reasonAttribute()), new SystemLogReader(settings.orgUrl(), token, settings.logSince(), http),
                settings.eventHookSecret().map(OktaConnector::hookSecret));
    }

    /** The API's own authentication would claim an {@code Authorization: Bearer} or {@code Basic} value before the receiver saw it. */
    private static byte[] hookSecret(SecretRef reference) {
        String secret = reference.reveal();
        String lower = secret.toLowerCase(Locale.ROOT);
        if (lower.startsWith("bearer ") || lower.startsWith("basic ")) {
            throw OktaSettings.invalid("event-hook-secret", "must be a plain shared secret, not a Bearer or Basic credential");
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Set<String> platforms() {
        return Set.of(OktaDirectoryReader.PLATFORM);
    }

    @Override
    public String platform() {
        return OktaDirectoryReader.PLATFORM;
    }

    @Override
    public ChangeResult apply(ConnectorWrite write) {
        return writer.apply(write);
    }

    @Override
    public ReadBack readBack(ConnectorWrite write) {
        return readBack.of(write);
    }

    @Override
    public PlatformSnapshot readDirectory() {
        return directory.read();
    }

    @Override
    public List<String> streams() {
        return List.of(LogEvents.STREAM);
    }

    @Override
    public EventPage readEvents(String stream, Optional<String> cursor) {
        if (!LogEvents.STREAM.equals(stream)) {
            throw new ConnectorException("connector.stream", "okta has no event stream '" + stream + "'; it has " + LogEvents.STREAM);
        }
        return systemLog.read(cursor);
    }

    /** Whether an event hook's authorization header carries this org's hook secret (false when none is configured). */
    boolean acceptsHook(String authorization) {
        return authorization != null && hookAuthorization.map(secret -> MessageDigest.isEqual(secret,
                authorization.getBytes(StandardCharsets.UTF_8))).orElse(false);
    }
}
