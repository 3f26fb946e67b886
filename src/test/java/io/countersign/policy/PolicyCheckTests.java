package io.countersign.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyCheckTests {

    @TempDir
    Path directory;

    @Test
    void riskTierTestsSeeYamlIntegersAndFloatsAsCelNumbers() {
        PolicyCheckReport report = check("risk-tiers.yaml", """
                kind: risk_tiers
                id: risk-tiers
                version: 1
                tiers:
                  - id: big
                    when: 'item.amount > 1000000 && item.score >= 0.5 && item.flags.urgent'
                    route: compliance_officer
                    approvals_required: 2
                    expires_after: PT12H
                  - id: standard
                    when: 'true'
                    route: desk_head
                    approvals_required: 1
                    expires_after: P10D
                tests:
                  - name: a large urgent payment is big
                    entitlement: "SWIFT Alliance:RELEASE_PAYMENT"
                    item: {amount: 2_500_000, score: 0.75, flags: {urgent: yes}}
                    expect_tier: big
                  - name: a small payment is wrongly expected big
                    entitlement: {key: "SWIFT Alliance:RELEASE_PAYMENT", privilege: PRIVILEGED}
                    item: {amount: 10, score: 0.9, flags: {urgent: true}}
                    expect_tier: big
                """);

        assertThat(report.problems()).isEmpty();
        assertThat(report.tests()).extracting(PolicyTestResult::passed, PolicyTestResult::detail).containsExactly(
                tuple(true, "tier big"),
                tuple(false, "expected tier big but got standard"));
    }

    @Test
    void autonomyTestsCompareLevelAndAutomation() {
        PolicyCheckReport report = check("autonomy.yaml", """
                kind: autonomy
                id: autonomy
                version: 1
                workflows:
                  - id: access_request
                    level: guarded_automation
                    auto_when: 'entitlement.privilege == "STANDARD"'
                tests:
                  - name: standard access is automated
                    workflow: access_request
                    entitlement: {system: Okta, permission: SSO, privilege: STANDARD}
                    expect_level: guarded_automation
                    expect_automation: true
                  - name: wrongly expects privileged access to be automated
                    workflow: access_request
                    entitlement: {system: Okta, permission: ADMIN, privilege: PRIVILEGED}
                    expect_automation: true
                """);

        assertThat(report.tests()).extracting(PolicyTestResult::detail).containsExactly(
                "level guarded_automation; automation true",
                "level guarded_automation; expected automation true but got false");
    }

    @Test
    void baselineTestsCompareBaselinesAndGrants() {
        PolicyCheckReport report = check("baselines.yaml", """
                kind: baselines
                id: baselines
                version: 1
                baselines:
                  - id: equities
                    when: 'identity.department == "Equities" && identity.seniority >= 3'
                    grant: ["Market Data:EQUITIES_L1"]
                tests:
                  - name: a senior equities employee gets market data
                    identity: {department: Equities, seniority: 4}
                    expect_baselines: [equities]
                    expect_grants: ["Market Data:EQUITIES_L1"]
                  - name: wrongly expects a terminal too
                    identity: {department: Equities, seniority: 4}
                    expect_grants: ["Market Data:EQUITIES_L1", "Bloomberg Terminal:TRADER_BPS"]
                """);

        assertThat(report.tests()).extracting(PolicyTestResult::detail).containsExactly(
                "baselines [equities]; grants [Market Data:EQUITIES_L1]",
                "baselines [equities]; expected grants [Bloomberg Terminal:TRADER_BPS, Market Data:EQUITIES_L1]"
                        + " but got [Market Data:EQUITIES_L1]");
    }

    @Test
    void agentTestsCompareTheVerdictAndShowTheReason() {
        PolicyCheckReport report = check("agents.yaml", PolicyDirectory.AGENTS + """
                tests:
                  - name: wrongly expects the reader to disable users
                    agent: reader
                    write: {platform: okta, operation: disable_user, resource: jdoe}
                    expect: permitted
                """);

        assertThat(report.tests()).singleElement().extracting(PolicyTestResult::detail).isEqualTo(
                "expected permitted but got refused (operation disable_user on platform okta is outside the scopes"
                        + " of reader)");
    }

    @Test
    void testNamesAreUniqueWithinAFile() {
        PolicyCheckReport report = check("sod.yaml", PolicyDirectory.SOD + """
                tests:
                  - name: same
                    holds: []
                    expect_violations: []
                  - name: same
                    holds: []
                    expect_violations: []
                """);

        assertThat(report.problems()).extracting(PolicyProblem::toString)
                .containsExactly("sod.yaml:15: duplicate test name 'same' (first at sod.yaml:12)");
    }

    @Test
    void aTestNeedsSomethingToExpect() {
        PolicyCheckReport report = check("baselines.yaml", """
                kind: baselines
                id: baselines
                version: 1
                baselines: []
                tests:
                  - name: expects nothing
                    identity: {department: Equities}
                """);

        assertThat(report.problems()).extracting(PolicyProblem::toString)
                .containsExactly("baselines.yaml:6: a test needs expect_baselines, expect_grants or both");
    }

    private PolicyCheckReport check(String file, String yaml) {
        return PolicyDirectory.minimal(directory).with(file, yaml).check();
    }
}
