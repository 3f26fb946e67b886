package io.countersign.policy;

import java.util.Objects;

/**
 * Why a policy set cannot be loaded.
 *
 * @param file   the file, relative to the policy directory; {@code "."} for a problem of the set as a whole
 * @param line   1-based line of the offending YAML node; 0 when no line applies (a missing file, an unreadable
 *               directory)
 * @param reason what is wrong, in one sentence
 */
public record PolicyProblem(String file, int line, String reason) {

    public PolicyProblem {
        Objects.requireNonNull(file, "file == null");
        Objects.requireNonNull(reason, "reason == null");
    }

    /** {@code file:line: reason}, or {@code file: reason} when no line applies. */
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason;
    }
}
