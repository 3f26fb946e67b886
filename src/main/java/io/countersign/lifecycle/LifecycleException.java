package io.countersign.lifecycle;

/** A lifecycle request that cannot be answered, with a stable {@link #code()} (e.g. {@code lifecycle.not-found}). */
public class LifecycleException extends RuntimeException {

    private final String code;

    public LifecycleException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
