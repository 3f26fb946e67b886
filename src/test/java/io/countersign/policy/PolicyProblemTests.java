package io.countersign.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyProblemTests {

    @TempDir
    Path directory;

    @Test
    void aYamlSyntaxErrorPointsAtItsLine() {
        assertProblems("sod.yaml", """
                kind: sod
                id: sod
                  version: 1
                """, "sod.yaml:3: YAML syntax error: mapping values are not allowed here");
    }

    @Test
    void anUnknownKeyIsAnErrorSoTyposAreCaught() {
        assertProblems("sod.yaml", """
                kind: sod
                id: sod
                version: 1
                rules:
                  - id: a-vs-b
                    name: A vs B
                    severty: high
                    sides: [{keys: ["A:ONE"]}, {keys: ["B:TWO"]}]
                """, "sod.yaml:7: unknown key 'severty' in sod rule (expected one of: id, name, severity, sides,"
                + " min_sides, applies_when, mitigations)");
    }

    @Test
    void anUnknownTopLevelKeyNamesTheKeysTheKindAllows() {
        assertProblems("autonomy.yaml", """
                kind: autonomy
                id: autonomy
                version: 1
                workflow:
                  - id: joiner
                    level: assisted
                """, "autonomy.yaml:4: unknown key 'workflow' in autonomy policy (expected one of: kind, id, version,"
                + " description, default, workflows, tests)");
    }

    @Test
    void aMissingIdPointsAtTheItemWithoutOne() {
        assertProblems("sod.yaml", """
                kind: sod
                id: sod
                version: 1
                rules:
                  - name: A vs B
                    severity: high
                    sides: [{keys: ["A:ONE"]}, {keys: ["B:TWO"]}]
                """, "sod.yaml:5: missing 'id' in sod rule");
    }

    @Test
    void anUnknownKindListsTheKinds() {
        assertProblems("sod.yaml", """
                kind: sodd
                id: sod
                version: 1
                """, "sod.yaml:1: unknown kind 'sodd' (expected one of: sod, risk_tiers, autonomy, baselines, agents, catalogue)");
    }

    @Test
    void aBadSeverityListsTheSeverities() {
        assertProblems("sod.yaml", """
                kind: sod
                id: sod
                version: 1
                rules:
                  - id: a-vs-b
                    name: A vs B
                    severity: severe
                    sides: [{keys: ["A:ONE"]}, {keys: ["B:TWO"]}]
                """, "sod.yaml:7: invalid severity 'severe' (expected one of: critical, high, medium, low)");
    }

    @Test
    void aCelSyntaxErrorPointsAtTheLineOfTheExpression() {
        PolicyCheckReport report = PolicyDirectory.minimal(directory).with("sod.yaml", """
                kind: sod
                id: sod
                version: 1
                rules:
                  - id: a-vs-b
                    name: A vs B
                    severity: high
                    sides: [{keys: ["A:ONE"]}, {keys: ["B:TWO"]}]
                    applies_when: 'identity.department =='
                """).check();

        assertThat(report.problems()).singleElement().asString()
                .startsWith("sod.yaml:9: invalid CEL in applies_when (column 23): ")
                .contains("mismatched input '<EOF>'");
    }

    @Test
    void aCelExpressionThatIsNotBooleanIsALoadError() {
        assertProblems("sod.yaml", """
                kind: sod
                id: sod
                version: 1
                rules:
                  - id: a-vs-b
                    name: A vs B
                    severity: high
                    sides:
                      - match: 'entitlement.system + ":" + entitlement.permission'
                      - keys: ["B:TWO"]
                  - id: c-vs-d
                    name: C vs D
                    severity: high
                    sides: [{keys: ["C:ONE"]}, {keys: ["D:TWO"]}]
                    applies_when: identity.department
                """,
                "sod.yaml:9: CEL in match must return bool, not string",
                "sod.yaml:15: CEL in applies_when must return bool, not dyn (compare explicitly,"
                        + " e.g. item.approved == true)");
    }

    @Test
    void anExpressionMaySeeOnlyItsOwnVariables() {
        assertProblems("baselines.yaml", """
                kind: baselines
                id: baselines
                version: 1
                baselines:
                  - id: traders
                    when: 'entitlement.system == "Murex"'
                    grant: ["Murex:EXECUTE_TRADE"]
                """, "baselines.yaml:6: invalid CEL in when (column 1): undeclared reference to 'entitlement'"
                + " (in container '')");
    }

    @Test
    void aDuplicateRuleIdAcrossFilesNamesBothPlaces() {
        PolicyDirectory policies = PolicyDirectory.minimal(directory).with("zz-sod.yaml", """
                kind: sod
                id: more-sod
                version: 1
                rules:
                  - id: a-vs-b
                    name: A vs B again
                    severity: low
                    sides: [{keys: ["A:ONE"]}, {keys: ["C:THREE"]}]
                """);

        assertThat(policies.check().problems()).extracting(PolicyProblem::toString)
                .containsExactly("zz-sod.yaml:5: duplicate sod rule id 'a-vs-b' (first at sod.yaml:5)");
    }

    @Test
    void aDuplicatePolicyIdAcrossFilesNamesBothPlaces() {
        PolicyDirectory policies = PolicyDirectory.minimal(directory).with("zz-sod.yaml", """
                kind: sod
                id: sod
                version: 1
                rules:
                  - id: c-vs-d
                    name: C vs D
                    severity: low
                    sides: [{keys: ["C:ONE"]}, {keys: ["D:TWO"]}]
                """);

        assertThat(policies.check().problems()).extracting(PolicyProblem::toString)
                .containsExactly("zz-sod.yaml:2: duplicate policy id 'sod' (first at sod.yaml:2)");
    }

    @Test
    void aFailingPolicyTestIsAFailedTestNotAProblem() {
        PolicyCheckReport report = PolicyDirectory.minimal(directory).with("sod.yaml", PolicyDirectory.SOD + """
                tests:
                  - name: holding both sides is fine
                    holds: ["A:ONE", "B:TWO"]
                    expect_violations: []
                  - name: holding one side is fine
                    holds: ["A:ONE"]
                    expect_violations: []
                """).check();

        assertThat(report.problems()).isEmpty();
        assertThat(report.tests()).containsExactly(
                new PolicyTestResult("sod.yaml", "holding both sides is fine", false,
                        "expected violations [] but got [a-vs-b]"),
                new PolicyTestResult("sod.yaml", "holding one side is fine", true, "violations []"));
        assertThat(report.ok()).isFalse();
    }

    @Test
    void aPolicyTestWhoseExpressionFailsIsAFailedTest() {
        PolicyCheckReport report = PolicyDirectory.minimal(directory).with("risk-tiers.yaml", """
                kind: risk_tiers
                id: risk-tiers
                version: 1
                tiers:
                  - id: big
                    when: 'item.amount > 10'
                    route: desk_head
                    approvals_required: 1
                    expires_after: P1D
                tests:
                  - name: an item without an amount
                    entitlement: "Jira:USER"
                    expect_tier: big
                """).check();

        assertThat(report.problems()).isEmpty();
        assertThat(report.failedTests()).singleElement().extracting(PolicyTestResult::detail)
                .isEqualTo("risk-tiers.yaml:6: tier big when could not be evaluated: key 'amount' is not present in map.");
    }

    @Test
    void aSetWithoutAFileOfARequiredKindIsIncomplete() {
        PolicyCheckReport report = PolicyDirectory.minimal(directory).without("autonomy.yaml").check();

        assertThat(report.problems()).extracting(PolicyProblem::toString)
                .containsExactly(".: no autonomy policy: a complete set has exactly one");
        assertThat(report.problems().getFirst().line()).isZero();
    }

    @Test
    void aSecondFileOfASingleKindIsAProblem() {
        PolicyCheckReport report = PolicyDirectory.minimal(directory)
                .with("zz-tiers.yaml", PolicyDirectory.RISK_TIERS.replace("id: risk-tiers", "id: more-tiers"))
                .check();

        assertThat(report.problems()).extracting(PolicyProblem::toString).containsExactly(
                "zz-tiers.yaml:1: a second risk_tiers policy (first in risk-tiers.yaml): a complete set has exactly one");
    }

    @Test
    void aBrokenFileDoesNotAlsoMakeItsKindMissing() {
        assertProblems("risk-tiers.yaml", "kind: [risk_tiers\n", "risk-tiers.yaml:2: YAML syntax error:"
                + " expected ',' or ']', but got <stream end>");
    }

    @Test
    void anEmptyFileIsAProblem() {
        assertProblems("notes.yaml", "# nothing yet\n", "notes.yaml:1: empty policy file");
    }

    @Test
    void aMissingDirectoryIsAProblem() {
        Path missing = directory.resolve("absent");

        assertThat(PolicyEngine.check(missing).problems()).extracting(PolicyProblem::toString)
                .containsExactly(".: policy directory " + missing.toAbsolutePath() + " does not exist");
    }

    @Test
    void startUpFailsWithTheProblemsAsFileLineReason() {
        PolicyDirectory policies = PolicyDirectory.minimal(directory).with("sod.yaml", """
                kind: sod
                id: sod
                version: 1
                rules:
                  - id: a-vs-b
                    name: A vs B
                    severity: severe
                    sides: [{keys: ["A:ONE"]}, {keys: ["B:TWO"]}]
                """);

        assertThatThrownBy(policies::engine).isInstanceOfSatisfying(PolicyException.class, e -> {
            assertThat(e.code()).isEqualTo(PolicyException.Code.INVALID_POLICY);
            assertThat(e.getMessage())
                    .isEqualTo("sod.yaml:7: invalid severity 'severe' (expected one of: critical, high, medium, low)");
        });
    }

    @Test
    void checkingADirectoryDoesNotNeedALoadedEngine() {
        PolicyCheckReport report = PolicyDirectory.minimal(directory).check();

        assertThat(report.ok()).isTrue();
        assertThat(report.tests()).isEmpty();
    }

    private void assertProblems(String file, String yaml, String... expected) {
        PolicyCheckReport report = PolicyDirectory.minimal(directory).with(file, yaml).check();
        assertThat(report.problems()).extracting(PolicyProblem::toString).containsExactly(expected);
        assertThat(report.ok()).isFalse();
    }
}
