package io.countersign.lifecycle.requests.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.countersign.ai.FactorContribution;
import io.countersign.lifecycle.requests.RequestReason;
import org.junit.jupiter.api.Test;

class ReasonsTests {

    @Test
    void theStrongestFactorsBecomeSentencesSayingWhichWayTheyPullWithoutTheBaseRate() {
        List<FactorContribution> factors = List.of(
                new FactorContribution("prior", 0.88, 2.0, "21239 of 24000 past requests were approved"),
                new FactorContribution("resource×title", 0.95, 1.5, "52 of 55 past requests for this resource from the same title were approved"),
                new FactorContribution("resource", 0.2, -0.9, "6 of 27 past requests for this resource were approved"),
                new FactorContribution("resource×desk", Double.NaN, -0.4, "no past request for this resource from the same desk"),
                new FactorContribution("manager", 0.9, 0.1, "9 of 10 past requests from the same manager were approved"));

        assertThat(Reasons.top(factors, 3)).extracting(RequestReason::sentence).containsExactly(
                "For approval: 52 of 55 past requests for this resource from the same title were approved",
                "Against: 6 of 27 past requests for this resource were approved",
                "Against: no past request for this resource from the same desk");
    }

    @Test
    void aSummaryGivesTheProbabilityAndTheReasons() {
        List<RequestReason> reasons = List.of(new RequestReason("resource", -0.9, "Against: 6 of 27 past requests for this resource were approved"));

        assertThat(Reasons.summary(0.4271, reasons)).isEqualTo("model: 0.43 likely to be approved. Against: 6 of 27 past requests for this resource were approved");
        assertThat(Reasons.summary(null, List.of())).isEqualTo("model: none (no request history to learn from)");
    }
}
