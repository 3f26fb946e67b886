package io.countersign.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A policy directory written by a test: a minimal complete set, with files replaced or added. */
final class PolicyDirectory {

    static final String SOD = """
            kind: sod
            id: sod
            version: 1
            rules:
              - id: a-vs-b
                name: A vs B
                severity: high
                sides:
                  - keys: ["A:ONE"]
                  - keys: ["B:TWO"]
            """;

    static final String RISK_TIERS = """
            kind: risk_tiers
            id: risk-tiers
            version: 1
            tiers:
              - id: standard
                when: 'true'
                route: desk_head
                approvals_required: 1
                expires_after: P10D
            """;

    static final String AUTONOMY = """
            kind: autonomy
            id: autonomy
            version: 1
            default: assisted
            workflows:
              - id: certification
                level: assisted
            """;

    static final String AGENTS = """
            kind: agents
            id: agents
            version: 1
            agents:
              - id: reader
                name: Reader
                description: Writes reason notes only.
                scopes:
                  - platforms: ["okta"]
                    operations: [set_reason_note]
                    resources: ["*"]
            """;

    private final Path root;

    /** The 1-based line of {@code yaml} holding {@code text}, which must occur exactly once. */
    static int lineOf(String yaml, String text) {
        String[] lines = yaml.split("\n", -1);
        int found = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) {
                if (found != 0) {
                    throw new IllegalArgumentException(text + " occurs more than once");
                }
                found = i + 1;
            }
        }
        if (found == 0) {
            throw new IllegalArgumentException(text + " does not occur");
        }
        return found;
    }

    private PolicyDirectory(Path root) {
        this.root = root;
    }

    static PolicyDirectory minimal(Path root) {
        return new PolicyDirectory(root)
                .with("sod.yaml", SOD)
                .with("risk-tiers.yaml", RISK_TIERS)
                .with("autonomy.yaml", AUTONOMY)
                .with("agents.yaml", AGENTS);
    }

    PolicyDirectory with(String name, String yaml) {
        try {
            Files.writeString(root.resolve(name), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    PolicyDirectory without(String name) {
        try {
            Files.delete(root.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Path path() {
        return root;
    }

    PolicyEngine engine() {
        return new PolicyEngine(new PolicyProperties(root));
    }

    PolicyCheckReport check() {
        return PolicyEngine.check(root);
    }
}
