package io.countersign.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyValidationTests {

    @TempDir
    Path directory;

    @Test
    void everyBrokenRuleOfAFileIsReported() {
        assertProblems("sod.yaml", """
                kind: sod
                id: sod
                version: 1
                rules:
                  - id: one-side
                    name: One side only
                    severity: high
                    sides: [{keys: ["A:ONE"]}]
                  - id: too-many
                    name: Min sides above the sides
                    severity: high
                    sides: [{keys: ["A:ONE"]}, {keys: ["B:TWO"]}]
                    min_sides: 3
                  - id: bad-key
                    name: Key without a system
                    severity: low
                    sides:
                      - keys: ["EXECUTE_TRADE"]
                      - {}
                """,
                "sod.yaml:8: rule one-side needs at least 2 sides, not 1",
                "sod.yaml:13: min_sides 3 exceeds the 2 sides of rule too-many",
                "sod.yaml:18: invalid entitlement key 'EXECUTE_TRADE' in keys (expected System:PERMISSION)");
    }

    @Test
    void aSideNeedsKeysOrAMatch() {
        assertProblems("sod.yaml", """
                kind: sod
                id: sod
                version: 1
                rules:
                  - id: a-vs-b
                    name: A vs B
                    severity: high
                    sides:
                      - keys: ["A:ONE"]
                      - {}
                """, "sod.yaml:10: side 2 of rule a-vs-b needs keys, match or both");
    }

    @Test
    void riskTierFieldsAreValidated() {
        assertProblems("risk-tiers.yaml", """
                kind: risk_tiers
                id: risk-tiers
                version: 1
                tiers:
                  - id: high
                    when: 'true'
                    route: cco
                    approvals_required: 1
                    expires_after: P5D
                  - id: standard
                    when: 'true'
                    route: desk_head
                    approvals_required: 0
                    expires_after: P5D
                  - id: later
                    when: 'true'
                    route: desk_head
                    approvals_required: 1
                    expires_after: five days
                """,
                "risk-tiers.yaml:7: invalid route 'cco' (expected one of: compliance_officer, desk_head)",
                "risk-tiers.yaml:13: approvals_required must be an integer of at least 1, not '0'",
                "risk-tiers.yaml:19: invalid expires_after 'five days' (expected a positive ISO-8601 duration"
                        + " such as P5D or PT12H)");
    }

    @Test
    void theDefaultAutonomyMayNotBeAutomation() {
        assertProblems("autonomy.yaml", """
                kind: autonomy
                id: autonomy
                version: 1
                default: guarded_automation
                workflows:
                  - id: joiner
                    level: assisted
                    auto_when: 'true'
                """, "autonomy.yaml:4: default must be read_only or assisted: a workflow is automated only where it"
                + " is named");
    }

    @Test
    void autoWhenNeedsGuardedAutomation() {
        assertProblems("autonomy.yaml", """
                kind: autonomy
                id: autonomy
                version: 1
                workflows:
                  - id: joiner
                    level: assisted
                    auto_when: 'true'
                """, "autonomy.yaml:7: auto_when is only allowed with level guarded_automation");
    }

    @Test
    void agentOperationsAreFromTheKnownList() {
        assertProblems("agents.yaml", """
                kind: agents
                id: agents
                version: 1
                agents:
                  - id: reader
                    name: Reader
                    description: Reads.
                    scopes:
                      - platforms: ["okta"]
                        operations: [set_reason_note, delete_user]
                        resources: ["*"]
                """, "agents.yaml:10: unknown operation 'delete_user' (expected one of: create_user, update_user,"
                + " disable_user, add_membership, remove_membership, assign_app, unassign_app, set_reason_note, end_sessions)");
    }

    @Test
    void aTestThatNamesAnUnknownRuleIsAProblem() {
        assertProblems("sod.yaml", PolicyDirectory.SOD + """
                tests:
                  - name: names a rule that does not exist
                    holds: ["A:ONE"]
                    expect_violations: [a-vs-c]
                """, "sod.yaml:14: expect_violations names unknown rule 'a-vs-c'");
    }

    private void assertProblems(String file, String yaml, String... expected) {
        PolicyCheckReport report = PolicyDirectory.minimal(directory).with(file, yaml).check();
        assertThat(report.problems()).extracting(PolicyProblem::toString).containsExactly(expected);
        assertThat(report.ok()).isFalse();
    }
}
