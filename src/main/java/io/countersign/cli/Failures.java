package io.countersign.cli;

import io.countersign.approval.ApprovalException;
import io.countersign.operators.OperatorException;

/** One line for any failure, and the exit code it deserves. */
final class Failures {

    private Failures() {
    }

    /**
     * The message of the deepest exception Countersign raised itself, since those are written to be read;
     * otherwise the first line of the root cause.
     */
    static String oneLine(Throwable e) {
        if (e instanceof CliException || e instanceof OperatorException || e instanceof ApprovalException) {
            return oneLine(e.getMessage());
        }
        Throwable root = e;
        Throwable ours = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            root = t;
            if (t.getClass().getName().startsWith("io.countersign.") && t.getMessage() != null) {
                ours = t;
            }
        }
        if (ours != null) {
            return oneLine(ours.getMessage());
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    /** A message on one line, even when it quotes input holding line breaks. */
    static String oneLine(String message) {
        return message.replaceAll("\\s*\\R\\s*", " ");
    }

    static int exitCode(Throwable e) {
        return e instanceof OperatorException || e instanceof ApprovalException || e instanceof IllegalArgumentException ? 2 : 1;
    }
}
