package io.countersign.ai;

import java.util.Map;

import io.countersign.ledger.ModelRef;

/**
 * A model behind one task. Implementations are pure: no side effects, no network unless the reasoner is
 * an LLM provider configured to reach one, and never a write path.
 */
public interface Reasoner {

    String task();

    ModelRef model();

    /** The template that turns the verdict into a narrative. */
    String templateId();

    Verdict reason(ReasoningRequest request);

    /**
     * A reasoner's raw answer.
     *
     * @param features        the feature vector it used (recorded as the ledger entry's input)
     * @param rawOutput       everything it computed (recorded as the entry's output)
     * @param templateValues  the values the narrative template may use
     */
    record Verdict(String action, String target, double confidence, java.util.List<FactorContribution> contributions,
                   Map<String, Object> features, Map<String, Object> rawOutput, Map<String, String> templateValues) {
    }
}
