package io.countersign.approval;

/** An approval operation could not run (unknown id, bad input); {@link #code()} is stable. */
public final class ApprovalException extends RuntimeException {

    private final String code;

    public ApprovalException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
