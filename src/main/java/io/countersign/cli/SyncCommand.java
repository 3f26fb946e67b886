package io.countersign.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.countersign.connectors.ConnectorRegistry;
import io.countersign.connectors.PlatformSync;
import io.countersign.connectors.PollReport;
import io.countersign.connectors.SyncReport;
import io.countersign.connectors.TenantReader;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sync}: read a platform's directory (and, with {@code --events}, its event feeds) into Countersign. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Read a tenant's users, groups, memberships and app assignments into the directory; with --events, its event feeds into the inbox.")
final class SyncCommand extends ContextCommand {

    @Option(names = "--platform", required = true, description = "okta, entra or scim.")
    String platform;

    @Option(names = "--url", required = true, paramLabel = "URL", description = "The tenant: Okta org URL, Graph base URL (…/v1.0) or SCIM base URL.")
    String url;

    @Option(names = "--token-file", required = true, paramLabel = "FILE",
            description = "File holding the credential: Okta API token, Entra client secret, or SCIM bearer token.")
    Path tokenFile;

    @Option(names = "--tenant-id", description = "Entra only: the directory (tenant) id.")
    String tenantId;

    @Option(names = "--client-id", description = "Entra only: the application (client) id.")
    String clientId;

    @Option(names = "--authority", description = "Entra only: the token authority (default: https://login.microsoftonline.com).")
    String authority;

    @Option(names = "--events", description = "Also poll the platform's event feeds (from the stored cursor).")
    boolean events;

    @Option(names = "--max-pages", defaultValue = "1000", description = "At most this many pages per event feed (default: ${DEFAULT-VALUE}).")
    int maxPages;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Override
    void validate() {
        if (!List.of("okta", "entra", "scim").contains(platform)) {
            throw CliException.badInput("--platform: '" + platform + "' is not one of okta, entra, scim");
        }
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw CliException.badInput("--url: '" + url + "' is not an http(s) URL");
        }
        if (!Files.isReadable(tokenFile)) {
            throw CliException.badInput("--token-file: cannot read " + tokenFile);
        }
        if (platform.equals("entra") && (tenantId == null || clientId == null)) {
            throw CliException.badInput("--tenant-id and --client-id: both are required for --platform entra");
        }
        if (maxPages < 1) {
            throw CliException.badInput("--max-pages: must be at least 1, was " + maxPages);
        }
    }

    @Override
    int run(ConfigurableApplicationContext context) {
        context.getBean(ConnectorRegistry.class).create(platform, configuration());
        PlatformSync sync = context.getBean(PlatformSync.class);
        SyncReport report = sync.syncDirectory(platform);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("directory", report.merge());
        out.put("usersPerSecond", Math.round(report.usersPerSecond()));
        if (events) {
            TenantReader reader = context.getBean(ConnectorRegistry.class).reader(platform).orElseThrow();
            out.put("events", reader.streams().stream().map(s -> sync.pollEvents(platform, s, maxPages)).toList());
        }
        print(report, out);
        return 0;
    }

    private Map<String, String> configuration() {
        String secret = "file:" + tokenFile.toAbsolutePath();
        return switch (platform) {
            case "entra" -> {
                Map<String, String> c = new LinkedHashMap<>(Map.of("graph-url", url, "tenant-id", tenantId, "client-id", clientId, "client-secret", secret));
                if (authority != null) {
                    c.put("authority", authority);
                }
                yield c;
            }
            default -> Map.of("url", url, "token", secret);
        };
    }

    @SuppressWarnings("unchecked")
    private void print(SyncReport report, Map<String, Object> out) {
        if (json) {
            printJson(out);
            return;
        }
        var m = report.merge();
        System.out.printf(Locale.ROOT, "%s: %d users (%d new, %d updated, %d removed, %d orphans, %d new identities), %d groups, %d memberships;"
                        + " assignments +%d -%d; %d entitlements created; %.0f users/s%n", m.platform(), m.users(), m.accountsAdded(),
                m.accountsUpdated(), m.accountsRemoved(), m.orphanAccounts(), m.identitiesCreated(), m.groups(), m.memberships(), m.assignmentsAdded(),
                m.assignmentsRemoved(), m.entitlementsCreated(), report.usersPerSecond());
        for (PollReport p : (List<PollReport>) out.getOrDefault("events", List.of())) {
            System.out.printf(Locale.ROOT, "  %s: %d events read in %d pages, %d new; %.0f events/s%n", p.stream(), p.read(), p.pages(),
                    p.stored(), p.eventsPerSecond());
        }
    }
}
