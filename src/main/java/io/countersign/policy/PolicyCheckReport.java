package io.countersign.policy;

import java.util.List;

/**
 * The result of checking a policy directory: load problems, and the outcome of every test case of the files
 * that loaded. A failing test is a test result, not a problem.
 */
public record PolicyCheckReport(List<PolicyProblem> problems, List<PolicyTestResult> tests) {

    public PolicyCheckReport {
        problems = List.copyOf(problems);
        tests = List.copyOf(tests);
    }

    /** True when the set loads without problems and all its tests pass. */
    public boolean ok() {
        return problems.isEmpty() && tests.stream().allMatch(PolicyTestResult::passed);
    }

    /** The tests that did not pass. */
    public List<PolicyTestResult> failedTests() {
        return tests.stream().filter(test -> !test.passed()).toList();
    }
}
