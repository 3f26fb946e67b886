package io.countersign.directory;

/** How an assignment came about. */
public enum AssignmentSource {
    /** Granted as part of the holder's role bundle. */
    ROLE_BUNDLE,
    /** Granted on an approved access request. */
    REQUEST,
    /** Granted directly on the platform, outside any workflow. */
    DIRECT,
    /** Kept from an earlier role after a transfer. */
    PRIOR_ROLE
}
