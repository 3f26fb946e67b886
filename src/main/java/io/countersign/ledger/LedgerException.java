package io.countersign.ledger;

/** A ledger operation failed; {@link #code()} is stable for callers and the API. */
public final class LedgerException extends RuntimeException {

    private final String code;

    public LedgerException(String code, String message) {
        super(message);
        this.code = code;
    }

    public LedgerException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
