package io.countersign.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutonomyTests {

    private static final String AUTONOMY = """
            kind: autonomy
            id: autonomy
            version: 4
            default: read_only
            workflows:
              - id: access_request
                level: guarded_automation
                auto_when: >-
                  entitlement.privilege == "STANDARD" && entitlement.sensitivity in ["PUBLIC", "INTERNAL"]
                  && (!has(item.model_confidence) || item.model_confidence >= 0.9)
              - id: leaver
                level: guarded_automation
              - id: certification
                level: assisted
            """;

    private static final EntitlementFacts SOFTWARE =
            EntitlementFacts.of("Bloomberg Terminal:TRADER_BPS", "STANDARD", "INTERNAL");

    @TempDir
    Path directory;

    private PolicyEngine engine;

    @BeforeEach
    void load() {
        engine = PolicyDirectory.minimal(directory).with("autonomy.yaml", AUTONOMY).engine();
    }

    @Test
    void guardedAutomationActsWhenAutoWhenHolds() {
        AutonomyDecision decision = engine.autonomy("access_request", SOFTWARE, Map.of("model_confidence", 0.95));

        assertThat(decision.level()).isEqualTo(AutonomyLevel.GUARDED_AUTOMATION);
        assertThat(decision.automationAllowed()).isTrue();
        assertThat(decision.policy().version()).isEqualTo(4);
    }

    @Test
    void guardedAutomationLeavesTheItemToAHumanWhenAutoWhenDoesNotHold() {
        EntitlementFacts confidential = EntitlementFacts.of("Murex:AMEND_TRADE", "STANDARD", "CONFIDENTIAL");

        assertThat(engine.autonomy("access_request", confidential, Map.of()).automationAllowed()).isFalse();
        assertThat(engine.autonomy("access_request", SOFTWARE, Map.of("model_confidence", 1)).automationAllowed())
                .isTrue();
        assertThat(engine.autonomy("access_request", SOFTWARE, Map.of("model_confidence", 0.6)).automationAllowed())
                .isFalse();
    }

    @Test
    void guardedAutomationWithoutAutoWhenAutomatesEveryItem() {
        AutonomyDecision decision = engine.autonomy("leaver", null, null);

        assertThat(decision.level()).isEqualTo(AutonomyLevel.GUARDED_AUTOMATION);
        assertThat(decision.automationAllowed()).isTrue();
    }

    @Test
    void assistedNeverAutomates() {
        AutonomyDecision decision = engine.autonomy("certification", SOFTWARE, Map.of());

        assertThat(decision.level()).isEqualTo(AutonomyLevel.ASSISTED);
        assertThat(decision.automationAllowed()).isFalse();
    }

    @Test
    void anUnnamedWorkflowGetsTheDefaultLevelAndNoAutomation() {
        AutonomyDecision decision = engine.autonomy("mergers", SOFTWARE, Map.of());

        assertThat(decision.level()).isEqualTo(AutonomyLevel.READ_ONLY);
        assertThat(decision.automationAllowed()).isFalse();
    }
}
