package io.countersign.lifecycle.requests.internal;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.countersign.lifecycle.requests.RequestRoute;
import io.countersign.policy.AutonomyDecision;
import io.countersign.policy.Route;
import io.countersign.policy.SodViolation;

/**
 * Where a request goes. Auto-approval needs all four to agree: catalogue, model, autonomy and SoD. A conflict is
 * blocked when its severity is one self-service may not mitigate or its rule names no mitigation; otherwise the
 * chief compliance officer decides whether the mitigation holds.
 */
final class Routing {

    /** The route and, in words, why. */
    record Decision(RequestRoute route, String why) { }

    /**
     * @param catalogueItem the catalogue item covering the request, or {@code null}
     * @param probability   the model's probability, or {@code null} when there is no model
     * @param riskRoute     where the risk tier sends an approval
     */
    static Decision decide(String catalogueItem, Double probability, double threshold, AutonomyDecision autonomy,
                           List<SodViolation> conflicts, List<String> blockSeverities, Route riskRoute) {
        if (!conflicts.isEmpty()) {
            return sod(conflicts, blockSeverities);
        }
        String notAutomatic = catalogueItem == null ? "the entitlement is not in the catalogue for this requester"
                : probability == null ? "there is no approval model to agree"
                : probability < threshold ? String.format(Locale.ROOT, "the model's approval probability %.2f is below %.2f", probability, threshold)
                : !autonomy.automationAllowed() ? "the access_request autonomy (" + autonomy.level().name().toLowerCase(Locale.ROOT)
                        + ") does not allow automation for this item"
                : null;
        if (notAutomatic == null) {
            return new Decision(RequestRoute.AUTO_APPROVED, String.format(Locale.ROOT,
                    "catalogue item %s, model probability %.2f (threshold %.2f), autonomy allows automation, no SoD conflict",
                    catalogueItem, probability, threshold));
        }
        RequestRoute route = riskRoute == Route.COMPLIANCE_OFFICER ? RequestRoute.COMPLIANCE_OFFICER : RequestRoute.DESK_HEAD;
        return new Decision(route, "routed to " + (route == RequestRoute.DESK_HEAD ? "the desk head" : "the chief compliance officer")
                + ": " + notAutomatic);
    }

    private static Decision sod(List<SodViolation> conflicts, List<String> blockSeverities) {
        List<SodViolation> blocking = conflicts.stream()
                .filter(v -> v.mitigations().isEmpty() || blockSeverities.contains(v.severity())).toList();
        if (!blocking.isEmpty()) {
            return new Decision(RequestRoute.SOD_BLOCK, "blocked: granting it would break " + describe(blocking)
                    + ", which self-service may not mitigate");
        }
        String mitigations = conflicts.stream().flatMap(v -> v.mitigations().stream()).distinct().collect(Collectors.joining(", "));
        return new Decision(RequestRoute.COMPLIANCE_OFFICER, "routed to the chief compliance officer: granting it would break "
                + describe(conflicts) + "; possible mitigations: " + mitigations);
    }

    private static String describe(List<SodViolation> violations) {
        return violations.stream().map(v -> v.ruleId() + " (" + v.name() + ", " + v.severity() + ")").collect(Collectors.joining(", "));
    }

    private Routing() {
    }
}
