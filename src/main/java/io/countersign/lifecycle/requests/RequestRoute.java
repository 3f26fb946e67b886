package io.countersign.lifecycle.requests;

/** How a request was routed when it was submitted. */
public enum RequestRoute {
    /** Catalogue, model, autonomy and SoD all agreed: granted without a person. */
    AUTO_APPROVED,
    /** An approval request to the requester's desk head. */
    DESK_HEAD,
    /** An approval request to the chief compliance officer (high risk, or a mitigable SoD conflict). */
    COMPLIANCE_OFFICER,
    /** Refused: granting would create a separation-of-duties conflict that self-service may not mitigate. */
    SOD_BLOCK
}
