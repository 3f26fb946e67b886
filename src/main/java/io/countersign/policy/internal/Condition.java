package io.countersign.policy.internal;

import java.util.Map;
import java.util.regex.Pattern;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import io.countersign.policy.PolicyException;

/**
 * A CEL expression compiled once at load time, evaluated many times.
 *
 * @param expression the source text, for descriptions and messages
 * @param location   where the expression is written
 * @param subject    what the expression decides, e.g. "rule sod-trade-settle applies_when"
 */
record Condition(String expression, Location location, String subject, CelRuntime.Program program) {

    private static final Pattern CEL_POSITION = Pattern.compile("^evaluation error at [^:]*:\\d+: ");

    /** Evaluates the expression; a runtime error or a non-bool result is a {@link PolicyException}. */
    boolean holds(Map<String, ?> variables) {
        Object result;
        try {
            result = program.eval(variables);
        } catch (CelEvaluationException e) {
            throw failure(CEL_POSITION.matcher(String.valueOf(e.getMessage())).replaceFirst(""));
        }
        if (result instanceof Boolean answer) {
            return answer;
        }
        throw failure("returned " + result + " instead of a bool");
    }

    private PolicyException failure(String reason) {
        return new PolicyException(PolicyException.Code.EVALUATION_FAILED,
                location + ": " + subject + " could not be evaluated: " + reason);
    }
}
