package io.countersign.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class ShippedPolicyTests {

    private static final IdentityFacts TRADER =
            IdentityFacts.of("u1", "Equity Trader", "Equities", "Cash Equities", "New York", "EMPLOYEE");

    private final PolicyEngine engine = new PolicyEngine(new PolicyProperties(null));

    @Test
    void shippedDefaultsPassTheirOwnTests() {
        PolicyCheckReport report = PolicyEngine.checkClasspathDefaults();

        assertThat(report.problems()).isEmpty();
        assertThat(report.failedTests()).isEmpty();
        assertThat(report.ok()).isTrue();
        Map<String, Long> testsPerFile = report.tests().stream()
                .collect(Collectors.groupingBy(PolicyTestResult::file, Collectors.counting()));
        assertThat(testsPerFile).hasSize(8).allSatisfy((file, count) -> assertThat(count).isGreaterThanOrEqualTo(3));
    }

    @Test
    void loadsTheShippedDefaultsWhenNoDirectoryIsConfigured() {
        PolicySetInfo info = engine.info();

        assertThat(info.source()).isEqualTo("classpath:policies/");
        assertThat(info.files()).extracting(PolicyRef::id).containsExactly("agents", "autonomy",
                "baselines-control-functions", "baselines-firmwide", "baselines-front-office", "catalogue", "risk-tiers",
                "sod-matrix");
        assertThat(info.files()).allSatisfy(ref -> {
            assertThat(ref.version()).isEqualTo(1);
            assertThat(ref.contentHash()).matches("[0-9a-f]{16}");
        });
    }

    @Test
    void aBlankDirectoryAlsoMeansTheShippedDefaults() {
        assertThat(new PolicyProperties(Path.of("")).useDefaults()).isTrue();
        assertThat(new PolicyEngine(new PolicyProperties(Path.of(""))).info().source())
                .isEqualTo("classpath:policies/");
    }

    @Test
    void shippedSodMatrixFlagsEachConflictOfTheSyntheticBank() {
        Map<String, List<String>> pairs = Map.of(
                "sod-trade-settle", List.of("Murex:AMEND_TRADE", "Murex:CONFIRM_TRADE"),
                "sod-payment-maker-checker", List.of("SWIFT Alliance:CREATE_PAYMENT", "SWIFT Alliance:APPROVE_PAYMENT"),
                "sod-payee-payment", List.of("Core Banking:CREATE_PAYEE", "Core Banking:APPROVE_PAYMENT"),
                "sod-trade-limit", List.of("Murex:EXECUTE_TRADE", "Risk Limits:OVERRIDE_LIMIT"),
                "sod-trade-surveillance", List.of("Murex:EXECUTE_TRADE", "Trade Surveillance:CLOSE_ALERT"),
                "sod-onboard-kyc", List.of("Wealth CRM:ONBOARD_CLIENT", "KYC Platform:APPROVE_KYC"),
                "sod-admin-audit", List.of("Active Directory:Domain Admins", "Splunk:ADMIN"));

        pairs.forEach((rule, keys) -> assertThat(engine.sodViolations(TRADER, held(keys)))
                .extracting(SodViolation::ruleId).as(rule).containsExactly(rule));
    }

    @Test
    void shippedViolationNamesTheMatchedKeysAndMitigations() {
        List<SodViolation> violations = engine.sodViolations(TRADER,
                held(List.of("Murex:EXECUTE_TRADE", "Murex:AMEND_TRADE", "SWIFT Alliance:RELEASE_PAYMENT")));

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.ruleId()).isEqualTo("sod-trade-settle");
            assertThat(violation.severity()).isEqualTo("critical");
            assertThat(violation.matchedKeysPerSide()).containsExactly(
                    List.of("Murex:AMEND_TRADE", "Murex:EXECUTE_TRADE"), List.of("SWIFT Alliance:RELEASE_PAYMENT"));
            assertThat(violation.mitigations()).containsExactly("compensating_daily_review", "dual_authorisation");
            assertThat(violation.policy().id()).isEqualTo("sod-matrix");
        });
    }

    @Test
    void shippedAutonomyGivesEachWorkflowItsLevel() {
        Map<String, AutonomyLevel> expected = Map.of(
                "sod_remediation", AutonomyLevel.ASSISTED,
                "access_request", AutonomyLevel.GUARDED_AUTOMATION,
                "joiner", AutonomyLevel.ASSISTED,
                "mover", AutonomyLevel.ASSISTED,
                "leaver", AutonomyLevel.GUARDED_AUTOMATION,
                "certification", AutonomyLevel.ASSISTED);
        EntitlementFacts software = EntitlementFacts.of("Bloomberg Terminal:TRADER_BPS", "STANDARD", "INTERNAL");

        Map<String, AutonomyLevel> actual = expected.keySet().stream().collect(Collectors.toMap(Function.identity(),
                workflow -> engine.autonomy(workflow, software, Map.of()).level()));

        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void shippedRemediationAgentCannotTouchDirectoryOrAuditAdministration() {
        EntitlementFacts domainAdmins = EntitlementFacts.of("Active Directory:Domain Admins", "PRIVILEGED", "RESTRICTED");
        EntitlementFacts splunk = EntitlementFacts.of("Splunk:ADMIN", "PRIVILEGED", "RESTRICTED");

        ScopeVerdict adVerdict = engine.scopeCheck("sod-remediation-agent", new ScopeRequest("ad",
                "remove_membership", domainAdmins.key(), domainAdmins, Map.of("approved", true)));
        ScopeVerdict splunkVerdict = engine.scopeCheck("sod-remediation-agent", new ScopeRequest("okta",
                "unassign_app", splunk.key(), splunk, Map.of("approved", true)));

        assertThat(adVerdict).isEqualTo(new ScopeVerdict.Refused("sod-remediation-agent", "operation remove_membership"
                + " on \"Active Directory:Domain Admins\" is outside the scopes of sod-remediation-agent", ref("agents")));
        assertThat(splunkVerdict).isInstanceOf(ScopeVerdict.Refused.class);
    }

    @Test
    void shippedAgentsAreTheWorkflowAgents() {
        assertThat(engine.agents()).extracting(AgentDefinition::id)
                .containsExactly("sod-remediation-agent", "onboarding-agent", "request-fulfilment-agent", "offboarding-agent");
        assertThat(engine.agents().getLast().scopes()).singleElement().satisfies(scope -> {
            assertThat(scope.operations()).containsExactly("disable_user", "end_sessions", "remove_membership", "unassign_app",
                    "set_reason_note");
            assertThat(scope.resources()).containsExactly("*");
        });
    }

    private PolicyRef ref(String id) {
        return engine.info().files().stream().filter(ref -> ref.id().equals(id)).findFirst().orElseThrow();
    }

    private static List<EntitlementFacts> held(List<String> keys) {
        return keys.stream().map(key -> EntitlementFacts.of(key, "STANDARD", "INTERNAL")).toList();
    }
}
