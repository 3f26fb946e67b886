package io.countersign.demo.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.countersign.connectors.ConnectorRegistry;
import io.countersign.connectors.SecretRef;
import io.countersign.connectors.compliance.ComplianceApi;
import io.countersign.connectors.siem.SiemExport;
import io.countersign.connectors.tickets.TicketDesk;
import io.countersign.simulator.SimulatedTenant;
import io.countersign.simulator.StandInOptions;
import io.countersign.simulator.StandInServer;

/**
 * The demo's platforms, reached over loopback HTTP: starts the stand-ins over the simulated tenant and
 * points the real connectors at them (Okta, Entra ID through Graph, the mainframe's SCIM endpoint, the
 * Workday-style feed), opens Jira tickets for approvals and sends OCSF to Splunk HEC. The credentials are
 * random, live in owner-only files, and are passed to connectors only as {@code file:} references.
 * Active Directory has no HTTP API; its writes stay with the in-process simulated connector.
 */
public final class PlatformLink implements AutoCloseable {

    private final StandInServer server;
    private final Path secrets;
    private final List<AutoCloseable> uses = new ArrayList<>();

    private PlatformLink(StandInServer server, Path secrets) {
        this.server = server;
        this.secrets = secrets;
    }

    /** Starts the stand-ins; Okta's event hooks go to {@code hookUrl}. */
    public static PlatformLink start(SimulatedTenant tenant, String hookUrl) {
        Path secrets = secretsDirectory();
        String token = random();
        String hookSecret = random();
        write(secrets.resolve("platform-token"), token);
        write(secrets.resolve("okta-hook-secret"), hookSecret);
        write(secrets.resolve("workday-hook-secret"), random());
        StandInServer server = StandInServer.start(0, tenant, new StandInOptions(token, 0, 0, 0,
                Map.of("okta.event-hook-url", hookUrl, "okta.event-hook-secret", hookSecret, "scim.platform", "local")));
        return new PlatformLink(server, secrets);
    }

    public String baseUrl() {
        return server.baseUri().toString();
    }

    /** Registers the platform connectors; the latest registered connector for a platform is the one used. */
    public void connect(ConnectorRegistry registry) {
        String token = "file:" + secrets.resolve("platform-token");
        registry.create("okta", Map.of("url", baseUrl(), "token", token, "log-since", "P30D",
                "event-hook-secret", "file:" + secrets.resolve("okta-hook-secret")));
        registry.create("entra", Map.of("graph-url", baseUrl() + "/graph/v1.0", "authority", baseUrl() + "/graph",
                "tenant-id", "bank", "client-id", "countersign", "client-secret", token, "signins-since", "P30D"));
        registry.create("scim", Map.of("url", baseUrl() + "/scim/v2", "token", token, "platform", "local"));
        registry.create("workday", Map.of("feed-url", baseUrl() + "/workday/ccx/api/v1/bank/workerEvents", "token", token,
                "webhook-secret", "file:" + secrets.resolve("workday-hook-secret")));
    }

    /** Points the compliance API client at the stand-in's compliance API. */
    public void connectCompliance(ComplianceApi compliance) {
        compliance.use(URI.create(baseUrl() + "/compliance"), SecretRef.file(secrets.resolve("platform-token")), Duration.ofSeconds(2));
    }

    /** The secret Workday deliveries to {@code /hooks/workday} carry. */
    public String workdayHookSecret() {
        try {
            return Files.readString(secrets.resolve("workday-hook-secret"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + secrets.resolve("workday-hook-secret"), e);
        }
    }

    /** Routes approval tickets to the Jira stand-in and OCSF to a file and the HEC stand-in, until {@link #close()}. */
    public void attachTicketsAndSiem(TicketDesk tickets, SiemExport siem, Path ocsfFile) {
        String token = "file:" + secrets.resolve("platform-token");
        uses.add(tickets.use("jira", Map.of("url", baseUrl(), "email", "countersign@bank.example", "api-token", token,
                "project-key", "IAM")));
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("file", ocsfFile.toString());
        outputs.put("hec.url", baseUrl());
        outputs.put("hec.token", token);
        uses.add(siem.attach(outputs));
    }

    public List<String> describe() {
        return server.describe();
    }

    @Override
    public void close() {
        for (AutoCloseable use : uses.reversed()) {
            try {
                use.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot detach " + use + ": " + e.getMessage(), e);
            }
        }
        server.close();
        try (var files = Files.list(secrets)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
            Files.delete(secrets);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the demo's credentials in " + secrets, e);
        }
    }

    private static Path secretsDirectory() {
        try {
            return Files.createTempDirectory("countersign-demo-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a directory for the demo's credentials", e);
        }
    }

    private static void write(Path file, String secret) {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, secret);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String random() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return "demo_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
