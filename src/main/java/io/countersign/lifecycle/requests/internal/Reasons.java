package io.countersign.lifecycle.requests.internal;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.countersign.ai.FactorContribution;
import io.countersign.lifecycle.requests.RequestReason;

/** The model's factors as sentences a reviewer reads: the strongest first, each saying which way it pulls. */
final class Reasons {

    private Reasons() {
    }

    /** The model's base rate; it says nothing about this request, so it is not shown as a reason. */
    private static final String PRIOR = "prior";

    static List<RequestReason> top(List<FactorContribution> factors, int count) {
        return factors.stream().filter(f -> !f.factor().equals(PRIOR)).limit(count)
                .map(f -> new RequestReason(f.factor(), f.contribution(), (f.contribution() >= 0 ? "For approval: " : "Against: ")
                        + f.explanation()))
                .toList();
    }

    /** E.g. "model: 0.93 likely to be approved. For approval: ...; Against: ...". */
    static String summary(Double probability, List<RequestReason> reasons) {
        if (probability == null) {
            return "model: none (no request history to learn from)";
        }
        return String.format(Locale.ROOT, "model: %.2f likely to be approved. ", probability)
                + reasons.stream().map(RequestReason::sentence).collect(Collectors.joining("; "));
    }
}
