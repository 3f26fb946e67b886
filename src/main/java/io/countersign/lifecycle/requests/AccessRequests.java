package io.countersign.lifecycle.requests;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Self-service access requests.
 *
 * <p>{@link #submit} validates the request (an unknown requester or entitlement, a missing or too short
 * justification, a bad duration are {@link RequestException}s naming the field), answers an entitlement
 * already held or a request already open with a value, and otherwise: checks separation of duties for the
 * would-be set, scores the request with the approval model and ledgers that {@code recommendation} (model id and
 * version, feature vector, probability, factors), then ledgers the {@code policy_decision} and routes:
 * <ul>
 *   <li>auto-approved, granted at once by the {@code request-fulfilment-agent}, only when the item is in the
 *       policy catalogue for this requester, the model's probability reaches
 *       {@code countersign.requests.auto-approve-probability}, the {@code access_request} autonomy allows
 *       automation and no SoD conflict follows;</li>
 *   <li>blocked when a conflict follows whose severity self-service may not mitigate (by default critical) or whose
 *       rule names no mitigation; a conflict with a mitigation goes to the chief compliance officer;</li>
 *   <li>everything else becomes an approval request, routed by risk tier to the desk head or the chief compliance
 *       officer, with the model's top reasons in its summary.</li>
 * </ul>
 * Who authorises: the person the approval is routed to, never the submitter or the requester (dual control in
 * approvals). Approved requests are granted under the agent's scope; a refusal is ledgered and shown on the
 * request. Rejected and expired approvals close the request; a time-bound grant is removed when it ends.
 */
public interface AccessRequests {

    String WORKFLOW = "access_request";
    String AGENT = "request-fulfilment-agent";

    SubmissionOutcome submit(RequestSubmission submission);

    Optional<AccessRequest> find(String id);

    /** Newest first; {@code status} {@code null} means all. */
    List<AccessRequest> list(RequestStatus status, int limit);

    /**
     * The approval model for the directory's current request history: loaded from the database when one was
     * trained on the same history, else trained now (held-out metrics, persisted, ledgered). A
     * {@link RequestException} of code {@code request.no-model} when there is no history.
     */
    RequestModelInfo model();

    /** Removes every time-bound grant that has ended by {@code now}; returns how many requests it closed. */
    int revokeEnded(Instant now);
}
