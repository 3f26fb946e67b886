package io.countersign.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RiskTierTests {

    private static final String TIERS = """
            kind: risk_tiers
            id: risk-tiers
            version: 2
            tiers:
              - id: privileged
                when: 'entitlement.privilege == "PRIVILEGED"'
                route: compliance_officer
                approvals_required: 2
                expires_after: P3D
              - id: restricted
                when: 'entitlement.sensitivity == "RESTRICTED" || entitlement.privilege == "PRIVILEGED"'
                route: compliance_officer
                approvals_required: 1
                expires_after: PT36H
              - id: large
                when: 'has(item.amount) && item.amount > 1000000'
                route: compliance_officer
                approvals_required: 1
                expires_after: P5D
              - id: risky-score
                when: 'has(item.score) && item.score >= 0.8'
                route: desk_head
                approvals_required: 1
                expires_after: P7D
              - id: long-request
                when: 'has(item.request) && item.request.days > 30 && item.request.regions.exists(r, r == 7)'
                route: desk_head
                approvals_required: 1
                expires_after: P7D
              - id: standard
                when: 'entitlement.sensitivity != "NONE"'
                route: desk_head
                approvals_required: 1
                expires_after: P10D
            """;

    @TempDir
    Path directory;

    private PolicyEngine engine() {
        return PolicyDirectory.minimal(directory).with("risk-tiers.yaml", TIERS).engine();
    }

    @Test
    void theFirstMatchingTierDecides() {
        PolicyEngine engine = engine();

        RiskAssessment assessment = engine.riskTier(EntitlementFacts.of("SWIFT Alliance:RELEASE_PAYMENT",
                "PRIVILEGED", "RESTRICTED"), Map.of());

        assertThat(assessment).isEqualTo(new RiskAssessment("privileged", Route.COMPLIANCE_OFFICER, 2,
                Duration.ofDays(3), engine.info().files().get(2)));
        assertThat(assessment.policy().version()).isEqualTo(2);
    }

    @Test
    void routesAndExpiryComeFromTheMatchingTier() {
        RiskAssessment assessment = engine().riskTier(EntitlementFacts.of("KYC Platform:VIEW_CASE", "STANDARD",
                "RESTRICTED"), null);

        assertThat(assessment.tierId()).isEqualTo("restricted");
        assertThat(assessment.route()).isEqualTo(Route.COMPLIANCE_OFFICER);
        assertThat(assessment.approvalsRequired()).isEqualTo(1);
        assertThat(assessment.expiresAfter()).isEqualTo(Duration.ofHours(36));
    }

    @Test
    void integerItemValuesCompareAsCelInts() {
        RiskAssessment assessment = engine().riskTier(standard(), Map.of("amount", 2_000_000));

        assertThat(assessment.tierId()).isEqualTo("large");
    }

    @Test
    void doubleAndDecimalItemValuesCompareAsCelDoubles() {
        PolicyEngine engine = engine();

        assertThat(engine.riskTier(standard(), Map.of("score", 0.93)).tierId()).isEqualTo("risky-score");
        assertThat(engine.riskTier(standard(), Map.of("score", 0.5f)).tierId()).isEqualTo("standard");
        assertThat(engine.riskTier(standard(), Map.of("amount", new BigDecimal("1500000.50"))).tierId())
                .isEqualTo("large");
    }

    @Test
    void nestedMapsAndListsOfIntegersAreConverted() {
        Map<String, Object> request = Map.of("days", 45, "regions", List.of(3, 7, (short) 9));

        assertThat(engine().riskTier(standard(), Map.of("request", request)).tierId()).isEqualTo("long-request");
    }

    @Test
    void anUnsupportedItemValueIsRefusedWithItsPath() {
        Map<String, Object> item = Map.of("request", Map.of("ticket", new Object()));

        assertThatThrownBy(() -> engine().riskTier(standard(), item))
                .isInstanceOfSatisfying(PolicyException.class, e -> {
                    assertThat(e.code()).isEqualTo(PolicyException.Code.UNSUPPORTED_INPUT);
                    assertThat(e.getMessage()).isEqualTo(
                            "item.request.ticket is a java.lang.Object, which policy expressions cannot use");
                });
    }

    @Test
    void nullItemValuesAreCelNull() {
        Map<String, Object> item = new HashMap<>();
        item.put("amount", null);

        assertThatThrownBy(() -> engine().riskTier(standard(), item))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("tier large when could not be evaluated");
    }

    @Test
    void noMatchingTierIsAnEvaluationErrorThatAsksForACatchAll() {
        EntitlementFacts unclassified = EntitlementFacts.of("Legacy:READ", "STANDARD", "NONE");

        assertThatThrownBy(() -> engine().riskTier(unclassified, Map.of()))
                .isInstanceOfSatisfying(PolicyException.class, e -> {
                    assertThat(e.code()).isEqualTo(PolicyException.Code.NO_MATCHING_TIER);
                    assertThat(e.getMessage()).isEqualTo("risk-tiers.yaml: no risk tier matches Legacy:READ;"
                            + " end the tiers with a catch-all (when: 'true')");
                });
    }

    private static EntitlementFacts standard() {
        return EntitlementFacts.of("Jira:USER", "STANDARD", "INTERNAL");
    }
}
