package io.countersign.lifecycle.requests.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.countersign.lifecycle.requests.RequestRoute;
import io.countersign.policy.AutonomyDecision;
import io.countersign.policy.AutonomyLevel;
import io.countersign.policy.PolicyRef;
import io.countersign.policy.Route;
import io.countersign.policy.SodViolation;
import org.junit.jupiter.api.Test;

class RoutingTests {

    private static final PolicyRef POLICY = new PolicyRef("p", 1, "0000000000000000");
    private static final AutonomyDecision AUTOMATE = new AutonomyDecision(AutonomyLevel.GUARDED_AUTOMATION, true, POLICY);
    private static final AutonomyDecision ASSISTED = new AutonomyDecision(AutonomyLevel.ASSISTED, false, POLICY);
    private static final List<String> BLOCK = List.of("critical");

    @Test
    void autoApprovesOnlyWhenCatalogueModelAutonomyAndSodAllAgree() {
        Routing.Decision decision = Routing.decide("bloomberg-trading", 0.93, 0.8, AUTOMATE, List.of(), BLOCK, Route.DESK_HEAD);

        assertThat(decision.route()).isEqualTo(RequestRoute.AUTO_APPROVED);
        assertThat(decision.why()).isEqualTo("catalogue item bloomberg-trading, model probability 0.93 (threshold 0.80),"
                + " autonomy allows automation, no SoD conflict");
    }

    @Test
    void aModelThatSaysNoRoutesACatalogueItemToAPerson() {
        Routing.Decision decision = Routing.decide("bloomberg-trading", 0.41, 0.8, AUTOMATE, List.of(), BLOCK, Route.DESK_HEAD);

        assertThat(decision).isEqualTo(new Routing.Decision(RequestRoute.DESK_HEAD,
                "routed to the desk head: the model's approval probability 0.41 is below 0.80"));
    }

    @Test
    void policyMustAgreeEvenWhenTheModelIsSure() {
        assertThat(Routing.decide(null, 0.99, 0.8, AUTOMATE, List.of(), BLOCK, Route.DESK_HEAD).why())
                .isEqualTo("routed to the desk head: the entitlement is not in the catalogue for this requester");
        assertThat(Routing.decide("item", 0.99, 0.8, ASSISTED, List.of(), BLOCK, Route.COMPLIANCE_OFFICER)).isEqualTo(new Routing.Decision(
                RequestRoute.COMPLIANCE_OFFICER, "routed to the chief compliance officer: the access_request autonomy (assisted)"
                        + " does not allow automation for this item"));
        assertThat(Routing.decide("item", null, 0.8, AUTOMATE, List.of(), BLOCK, Route.DESK_HEAD).why())
                .isEqualTo("routed to the desk head: there is no approval model to agree");
    }

    @Test
    void aCriticalConflictIsBlockedEvenForACatalogueItemTheModelLikes() {
        SodViolation critical = new SodViolation("sod-trade-settle", "Trade vs settle", "critical", List.of(List.of("a"), List.of("b")),
                List.of("dual_authorisation"), POLICY);

        Routing.Decision decision = Routing.decide("item", 0.99, 0.8, AUTOMATE, List.of(critical), BLOCK, Route.DESK_HEAD);

        assertThat(decision).isEqualTo(new Routing.Decision(RequestRoute.SOD_BLOCK,
                "blocked: granting it would break sod-trade-settle (Trade vs settle, critical), which self-service may not mitigate"));
    }

    @Test
    void aConflictWithAMitigationGoesToTheComplianceOfficerAndOneWithoutIsBlocked() {
        SodViolation mitigable = new SodViolation("sod-onboard-kyc", "Onboard vs KYC", "medium", List.of(List.of("a"), List.of("b")),
                List.of("kyc_quality_assurance_sample"), POLICY);
        SodViolation bare = new SodViolation("sod-x", "X", "low", List.of(List.of("a"), List.of("b")), List.of(), POLICY);

        assertThat(Routing.decide(null, 0.5, 0.8, ASSISTED, List.of(mitigable), BLOCK, Route.DESK_HEAD)).isEqualTo(new Routing.Decision(
                RequestRoute.COMPLIANCE_OFFICER, "routed to the chief compliance officer: granting it would break sod-onboard-kyc"
                        + " (Onboard vs KYC, medium); possible mitigations: kyc_quality_assurance_sample"));
        assertThat(Routing.decide(null, 0.5, 0.8, ASSISTED, List.of(bare), BLOCK, Route.DESK_HEAD).route()).isEqualTo(RequestRoute.SOD_BLOCK);
    }
}
