package io.countersign.policy.internal;

import java.util.Objects;

/** What a policy test observed, and whether it matched the expectation. */
record TestOutcome(boolean passed, String detail) {

    /** Compares one observed value with the expected one; {@code what} names it, e.g. "tier". */
    static TestOutcome expect(String what, Object expected, Object actual) {
        boolean passed = Objects.equals(expected, actual);
        return new TestOutcome(passed, passed
                ? what + " " + actual
                : "expected " + what + " " + expected + " but got " + actual);
    }

    /** Both outcomes must pass. */
    TestOutcome and(TestOutcome other) {
        return new TestOutcome(passed && other.passed, detail + "; " + other.detail);
    }
}
