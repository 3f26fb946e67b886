package io.countersign.lifecycle.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import io.countersign.connectors.compliance.ComplianceCheck;
import io.countersign.policy.PolicyRef;
import io.countersign.policy.RiskAssessment;
import io.countersign.policy.Route;
import io.countersign.policy.SodViolation;
import org.junit.jupiter.api.Test;

/** Where a joiner's or mover's proposed grant goes, for the cases the shipped policies do not reach. */
class PackageRoutingTests {

    private static final PolicyRef POLICY = new PolicyRef("test", 1, "0000");
    private static final RiskAssessment STANDARD = new RiskAssessment("standard", Route.DESK_HEAD, 1, Duration.ofDays(7), POLICY);
    private static final RiskAssessment HIGH = new RiskAssessment("high", Route.COMPLIANCE_OFFICER, 1, Duration.ofDays(7), POLICY);
    private static final ComplianceCheck ANSWERED = new ComplianceCheck.Flags(List.of("SOX"), List.of(), null);

    @Test
    void aConflictWithNoMitigationIsBlockedWhateverTheRiskTier() {
        assertThat(PackagePlanner.route(List.of(conflict(List.of())), STANDARD, ANSWERED)).isEqualTo("blocked");
        assertThat(PackagePlanner.route(List.of(conflict(List.of("dual sign-off")), conflict(List.of())), HIGH, ANSWERED)).isEqualTo("blocked");
    }

    @Test
    void aMitigableConflictGoesToTheChiefComplianceOfficerEvenOnAStandardTier() {
        assertThat(PackagePlanner.route(List.of(conflict(List.of("dual sign-off"))), STANDARD, ANSWERED)).isEqualTo("compliance_officer");
    }

    @Test
    void aStandardItemGoesToTheDeskHeadUnlessTheComplianceApiCouldNotBeAsked() {
        assertThat(PackagePlanner.route(List.of(), STANDARD, ANSWERED)).isEqualTo("desk_head");
        assertThat(PackagePlanner.route(List.of(), STANDARD, new ComplianceCheck.Unavailable("timed out"))).isEqualTo("compliance_officer");
        assertThat(PackagePlanner.route(List.of(), HIGH, ANSWERED)).isEqualTo("compliance_officer");
    }

    private static SodViolation conflict(List<String> mitigations) {
        return new SodViolation("sod-trade-settle", "Execute vs settle", "critical",
                List.of(List.of("Murex:EXECUTE_TRADE"), List.of("SWIFT Alliance:APPROVE_PAYMENT")), mitigations, POLICY);
    }
}
