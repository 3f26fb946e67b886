package io.countersign.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.countersign.directory.AccountStatus;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Okta stand-in checked by a second client nobody here wrote: Okta's official Node SDK
 * ({@code @okta/okta-sdk-nodejs}, pinned in {@code src/test/node/okta-sdk-fidelity}) lists the users and pages the
 * System Log with its own Link-header paging. Needs {@code node} and {@code npm}; the package is installed under
 * {@code target/} on first use, and the test is skipped, saying why, when that is impossible.
 */
class OktaNodeSdkFidelityTests {

    private static final Path SOURCE = Path.of("src/test/node/okta-sdk-fidelity");
    private static final Path WORK = Path.of("target/node/okta-sdk-fidelity");
    private static final String TOKEN = "node-fidelity-token-5150";

    @Test
    void oktasNodeSdkListsEveryUserAndPagesTheWholeSystemLog() throws Exception {
        assumeTrue(run(List.of("node", "--version"), Path.of("."), Map.of()).exit() == 0, "node is not installed");
        installTheSdk();
        SimulatedTenant tenant = new SimulatedTenant();
        tenant.seed(new SyntheticBank().generate(new BankSpec(7, 100, 30, LocalDate.of(2025, 6, 30))).snapshot(), 7, 2);
        try (StandInServer server = StandInServer.start(0, tenant, new StandInOptions(TOKEN, 40, 0, 0, Map.of()))) {
            Result node = run(List.of("node", "fidelity.js"), WORK, Map.of("OKTA_ORG_URL", server.baseUri().toString(), "OKTA_API_TOKEN", TOKEN));

            assertThat(node.exit()).as(node.output()).isZero();
            JsonNode seen = JsonMapper.builder().build().readTree(node.output().lines().reduce((first, last) -> last).orElse("{}"));
            assertThat(seen.get("users").values()).extracting(JsonNode::asString).containsExactlyInAnyOrderElementsOf(tenant.users("okta").stream()
                    .filter(u -> u.status() == AccountStatus.ACTIVE).map(SimulatedTenant.User::externalId).toList());
            assertThat(seen.get("events").values()).extracting(JsonNode::asString)
                    .containsExactlyElementsOf(tenant.events("okta", 0).stream().map(SimulatedTenant.Event::id).toList());
        }
    }

    private static void installTheSdk() throws IOException, InterruptedException {
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "package-lock.json", "fidelity.js")) {
            Files.copy(SOURCE.resolve(file), WORK.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(WORK.resolve("node_modules/@okta/okta-sdk-nodejs"))) {
            Result install = run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), WORK, Map.of());
            assumeTrue(install.exit() == 0, "npm could not install @okta/okta-sdk-nodejs: " + install.output());
        }
    }

    private record Result(int exit, String output) { }

    private static Result run(List<String> command, Path dir, Map<String, String> environment) throws IOException, InterruptedException {
        Path output = Files.createTempFile("okta-node-sdk", ".out");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException notInstalled) {
            return new Result(-1, notInstalled.getMessage());
        }
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        Files.delete(output);
        return new Result(finished ? process.exitValue() : -1, finished ? text : "timed out after 5 minutes: " + text);
    }
}
