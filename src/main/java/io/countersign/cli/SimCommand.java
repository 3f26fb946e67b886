package io.countersign.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.countersign.simulator.BankSpec;
import io.countersign.simulator.GeneratedBank;
import io.countersign.simulator.SimulatedTenant;
import io.countersign.simulator.StandInOptions;
import io.countersign.simulator.StandInServer;
import io.countersign.simulator.SyntheticBank;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sim serve}: the platforms' local stand-ins over a synthetic bank, without a database. */
@Command(name = "sim", mixinStandardHelpOptions = true, description = "Local stand-ins for the identity platforms.",
        subcommands = SimCommand.Serve.class)
final class SimCommand implements Runnable {

    @Override
    public void run() {
        throw CliException.badInput("sim needs a subcommand: serve (see 'countersign sim --help')");
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Serve the synthetic bank on 127.0.0.1 in the platforms' own wire formats (Okta, Microsoft Graph, SCIM 2.0, "
                    + "a Workday-style feed, Jira, ServiceNow, Splunk HEC) until stopped.")
    static final class Serve implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--port", defaultValue = "8400", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
        int port;

        @Option(names = "--seed", defaultValue = "42", description = "Seed of the synthetic bank (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--employees", defaultValue = "2000", description = "People in the bank, 50 to 200000 (default: ${DEFAULT-VALUE}).")
        int employees;

        @Option(names = "--days", defaultValue = "180", description = "Days of history, 1 to 3650 (default: ${DEFAULT-VALUE}).")
        int days;

        @Option(names = "--events-per-user", defaultValue = "5", description = "Sign-ins per active user in the platforms' logs (default: ${DEFAULT-VALUE}).")
        int eventsPerUser;

        @Option(names = "--token-file", paramLabel = "FILE",
                description = "The credential the stand-ins accept; created with a random token when missing (default: DATA_DIR/sim-token).")
        Path tokenFile;

        @Option(names = "--rate-limit-every", defaultValue = "0", description = "Answer every n-th request with a 429 (default: never).")
        int rateLimitEvery;

        @Option(names = "--event-hook-url", paramLabel = "URL", description = "Deliver Okta event hooks to this Countersign URL.")
        String eventHookUrl;

        @Option(names = "--event-hook-secret-file", paramLabel = "FILE",
                description = "File holding the value sent in the Authorization header of event hook deliveries.")
        Path eventHookSecretFile;

        @Override
        public Integer call() {
            if (port < 0 || port > 65535) {
                throw CliException.badInput("--port: must be between 0 and 65535, was " + port);
            }
            if (eventsPerUser < 0 || eventsPerUser > 1000) {
                throw CliException.badInput("--events-per-user: must be between 0 and 1000, was " + eventsPerUser);
            }
            if (rateLimitEvery < 0) {
                throw CliException.badInput("--rate-limit-every: must not be negative, was " + rateLimitEvery);
            }
            BankSpec bankSpec = spec();
            Path tokenPath = tokenFile != null ? tokenFile : ((CountersignCli) spec.root().userObject()).global.dataDir.resolve("sim-token");
            String token = token(tokenPath);
            GeneratedBank bank = new SyntheticBank().generate(bankSpec);
            SimulatedTenant tenant = new SimulatedTenant();
            tenant.seed(bank.snapshot(), seed, eventsPerUser);
            Map<String, String> settings = hookSettings();
            try (StandInServer server = StandInServer.start(port, tenant, new StandInOptions(token, 0, rateLimitEvery, 0, settings))) {
                System.out.println("stand-ins for " + bankSpec.source() + " on " + server.baseUri() + " (token in " + tokenPath + "; Ctrl-C stops)");
                server.describe().forEach(line -> System.out.println("  " + line));
                awaitShutdown();
            }
            return 0;
        }

        private Map<String, String> hookSettings() {
            if (eventHookUrl == null) {
                return Map.of();
            }
            if (eventHookSecretFile == null) {
                return Map.of("okta.event-hook-url", eventHookUrl);
            }
            try {
                return Map.of("okta.event-hook-url", eventHookUrl, "okta.event-hook-secret", Files.readString(eventHookSecretFile).strip());
            } catch (IOException e) {
                throw CliException.badInput("--event-hook-secret-file: cannot read " + eventHookSecretFile);
            }
        }

        private BankSpec spec() {
            try {
                return new BankSpec(seed, employees, days, LocalDate.now());
            } catch (IllegalArgumentException e) {
                throw CliException.badInput("--" + e.getMessage());
            }
        }

        /** Reads the token, or makes a random one readable only by its owner. */
        private static String token(Path file) {
            try {
                if (Files.exists(file)) {
                    return Files.readString(file).strip();
                }
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] random = new byte[24];
                new SecureRandom().nextBytes(random);
                String token = "sim_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, token);
                return token;
            } catch (IOException e) {
                throw CliException.badInput("--token-file: cannot read or create " + file + ": " + e.getMessage());
            }
        }

        private static void awaitShutdown() {
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            try {
                stop.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
