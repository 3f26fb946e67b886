package io.countersign.operators;

/** A refused operator change; {@link #code()} is stable, the message names the field and the reason. */
public final class OperatorException extends RuntimeException {

    private final String code;

    public OperatorException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
