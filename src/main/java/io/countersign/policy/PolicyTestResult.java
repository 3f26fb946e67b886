package io.countersign.policy;

import java.util.Objects;

/**
 * The outcome of one test case written in a policy file.
 *
 * @param file   the file that holds the test
 * @param name   the test's name
 * @param passed whether the policy behaved as the test expects
 * @param detail what the policy answered, and on failure what was expected instead
 */
public record PolicyTestResult(String file, String name, boolean passed, String detail) {

    public PolicyTestResult {
        Objects.requireNonNull(file, "file == null");
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(detail, "detail == null");
    }
}
