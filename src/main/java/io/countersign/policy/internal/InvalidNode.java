package io.countersign.policy.internal;

/**
 * Thrown by the parsers at the first problem in a YAML node; {@link ParseContext} turns it into a
 * {@link io.countersign.policy.PolicyProblem} and parsing goes on with the next sibling.
 */
final class InvalidNode extends RuntimeException {

    private final int line;

    InvalidNode(int line, String reason) {
        super(reason, null, false, false);
        this.line = line;
    }

    int line() {
        return line;
    }
}
