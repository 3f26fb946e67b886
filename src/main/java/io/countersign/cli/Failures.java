package io.countersign.cli;

import io.countersign.approval.ApprovalException;
import io.countersign.operators.OperatorException;

/** One line for any failure, and the exit code it deserves. */
final class Failures {

    private Failures() {
    }

    static String oneLine(Throwable e) {
        if (e instanceof CliException || e instanceof OperatorException || e instanceof ApprovalException) {
            return e.getMessage();
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    static int exitCode(Throwable e) {
        return e instanceof OperatorException || e instanceof ApprovalException || e instanceof IllegalArgumentException ? 2 : 1;
    }
}
