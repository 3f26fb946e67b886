package io.countersign.connectors.entra;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import com.microsoft.graph.models.Subscription;
import io.countersign.connectors.ChangeResult;
import io.countersign.connectors.Connector;
import io.countersign.connectors.ConnectorException;
import io.countersign.connectors.ConnectorWrite;
import io.countersign.connectors.EventPage;
import io.countersign.connectors.ReadBack;
import io.countersign.connectors.ResilientHttp;
import io.countersign.connectors.TenantReader;
import io.countersign.directory.PlatformSnapshot;

/**
 * One Entra ID tenant through Microsoft Graph v1.0: its directory and writes through the Graph SDK, its activity
 * feeds polled by hand, and the client state its change notifications must carry. Holds the revealed secrets
 * for its lifetime and never prints them.
 */
final class EntraConnector implements Connector, TenantReader {

    private final EntraSettings settings;
    private final GraphCalls calls;
    private final EntraDirectoryReader reader;
    private final EntraWrites writes;
    private final EntraReadBack readBack;
    private final ActivityPoller poller;
    private final String clientState;

    private EntraConnector(EntraSettings settings, GraphCalls calls, ActivityPoller poller, String clientState) {
        this.settings = settings;
        this.calls = calls;
        this.reader = new EntraDirectoryReader(calls, settings.pageSize());
        EntraLookups lookups = new EntraLookups(calls, reader, settings.reasonNoteAttribute());
        this.writes = new EntraWrites(calls, lookups, settings.reasonNoteAttribute(), settings.graphUrl().toString());
        this.readBack = new EntraReadBack(lookups, reader, settings.reasonNoteAttribute());
        this.poller = poller;
        this.clientState = clientState;
    }

    /**
     * Reads the secrets and makes the clients; nothing is sent until the first call.
     *
     * @param onWait told of every wait before a retry of a hand-made call (the token endpoint, the activity feeds)
     */
    static EntraConnector connect(EntraSettings settings, Consumer<Duration> onWait) {
        String secret = settings.clientSecret().reveal();
        String state = settings.notificationClientState().map(ref -> ref.reveal()).orElse(null);
        ResilientHttp http = new ResilientHttp(HttpClient.newBuilder().connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER)
                .build(), new ResilientHttp.Policy(settings.maxRetries() + 1, Duration.ofMillis(500), Duration.ofSeconds(60), settings.timeout()), onWait);
        ClientCredentialsTokens tokens = new ClientCredentialsTokens(settings, secret, http);
        return new EntraConnector(settings, new GraphCalls(settings, tokens), new ActivityPoller(settings, tokens, http), state);
    }

    @Override
    public Set<String> platforms() {
        return Set.of(EntraDirectoryReader.PLATFORM);
    }

    @Override
    public String platform() {
        return EntraDirectoryReader.PLATFORM;
    }

    @Override
    public ChangeResult apply(ConnectorWrite write) {
        return writes.apply(write);
    }

    @Override
    public ReadBack readBack(ConnectorWrite write) {
        return readBack.readBack(write);
    }

    @Override
    public PlatformSnapshot readDirectory() {
        return reader.read();
    }

    @Override
    public List<String> streams() {
        return Arrays.stream(ActivityFeed.values()).map(ActivityFeed::stream).toList();
    }

    @Override
    public EventPage readEvents(String stream, Optional<String> cursor) {
        return poller.read(stream, cursor);
    }

    boolean notificationsConfigured() {
        return clientState != null;
    }

    /** Compares in constant time, so the answer's timing tells a caller nothing about the expected value. */
    boolean clientStateMatches(String offered) {
        return clientState != null && offered != null
                && MessageDigest.isEqual(clientState.getBytes(StandardCharsets.UTF_8), offered.getBytes(StandardCharsets.UTF_8));
    }

    /** Subscribes to changes of users and of groups, with our client state; Graph validates {@code notificationUrl} first. */
    List<String> subscribe(URI notificationUrl, Duration lifetime) {
        if (clientState == null) {
            throw new ConnectorException("connector.config", EntraSettings.PREFIX + "notification-client-state: is required to subscribe to change notifications");
        }
        List<String> ids = new ArrayList<>();
        for (String resource : List.of("users", "groups")) {
            Subscription subscription = new Subscription();
            subscription.setResource(resource);
            subscription.setChangeType("created,updated,deleted");
            subscription.setNotificationUrl(notificationUrl.toString());
            subscription.setLifecycleNotificationUrl(notificationUrl.toString());
            subscription.setClientState(clientState);
            subscription.setExpirationDateTime(Instant.now().plus(lifetime).atOffset(ZoneOffset.UTC));
            ids.add(calls.call("subscribe to " + resource, () -> calls.graph().subscriptions().post(subscription)).getId());
        }
        return ids;
    }

    @Override
    public String toString() {
        return "entra connector for tenant " + settings.tenantId() + " at " + settings.graphUrl();
    }
}
