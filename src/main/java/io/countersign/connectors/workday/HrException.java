package io.countersign.connectors.workday;

import java.util.List;

/**
 * HR input refused, with a stable {@link #code()}: {@code hr.unauthenticated} (a webhook without the right
 * secret), {@code hr.bad-request} (a webhook body that is not valid worker events) or {@code hr.bad-file} (a
 * CSV file with bad rows). {@link #problems()} lists every problem, one line each, e.g.
 * {@code workers.csv:7: email: is not an e-mail address: 'bob'} or {@code events[2].worker.employeeID: is required}.
 */
public final class HrException extends RuntimeException {

    private final String code;
    private final List<String> problems;

    public HrException(String code, String message, List<String> problems) {
        super(message);
        this.code = code;
        this.problems = List.copyOf(problems);
    }

    public String code() {
        return code;
    }

    public List<String> problems() {
        return problems;
    }
}
