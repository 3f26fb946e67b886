package io.countersign.policy;

import java.util.Objects;

/**
 * The policy module's one exception: a policy set that cannot be loaded, or an evaluation that cannot give an
 * answer. A business "no" (a refused scope, a violation) is never an exception.
 */
public final class PolicyException extends RuntimeException {

    /** Stable codes, for the web layer's problem types and the CLI's exit messages. */
    public enum Code {
        /** The policy set has problems; the message lists them as {@code file:line: reason}, one a line. */
        INVALID_POLICY,
        /** A CEL expression failed at run time; the message names the file, line and rule. */
        EVALUATION_FAILED,
        /** No risk tier matched an item; the tier list lacks a catch-all. */
        NO_MATCHING_TIER,
        /** An input value has a type CEL cannot represent. */
        UNSUPPORTED_INPUT
    }

    private final Code code;

    public PolicyException(Code code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code == null");
    }

    public Code code() {
        return code;
    }
}
