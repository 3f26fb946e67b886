package io.countersign.remediation;

import java.util.List;
import java.util.Optional;

/**
 * Finds the directory's SoD violations and drives each to a decision.
 *
 * <p>Per new violation: a {@code recommendation} (which side to remove, with confidence and reasons), a
 * {@code policy_decision} (autonomy level and risk tier decide the route), then either an approval request
 * (to the desk head or the chief compliance officer) or, where policy allows guarded automation, the
 * removal itself. Approval decisions arrive as events and are carried out by the
 * {@code sod-remediation-agent}, whose scope the guard checks on every write.
 */
public interface SodRemediation {

    String WORKFLOW = "sod_remediation";
    String AGENT = "sod-remediation-agent";

    SodReviewSummary review();

    Optional<SodFinding> finding(String id);

    List<SodFinding> findings(int limit);
}
