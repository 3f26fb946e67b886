package io.countersign.ai.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.countersign.ai.FactorContribution;
import io.countersign.ai.Reasoner;
import io.countersign.ai.ReasoningRequest;
import io.countersign.ledger.ModelRef;
import org.springframework.stereotype.Component;

/**
 * Which side of a separation-of-duties conflict to remove.
 *
 * <p>A pairwise logistic preference (Bradley–Terry): each of the two held entitlements gets a
 * "should go" score from documented factor weights; the probability that removing the higher-scoring
 * one is right is the logistic of the score difference, and each factor's contribution is its weight
 * times the difference of its values. The weights are expert priors (version 1), stated below so an
 * auditor can check them; reconciliation against reviewers' decisions is what recalibrates them. When
 * neither side clearly should go (confidence under {@link #REVIEW_BELOW}), the advice is {@code review}:
 * the conflict is probably built into the role and needs a mitigation or a role redesign, not a revocation.
 */
@Component
class SodRemediationReasoner implements Reasoner {

    static final String TASK = "sod-remediation";
    static final double REVIEW_BELOW = 0.6;
    private static final ModelRef MODEL = new ModelRef("sod-remediation-logit", "1");

    /** Weight of each factor in the "should go" score. */
    private static final Map<String, Double> WEIGHTS = weights();

    private static Map<String, Double> weights() {
        Map<String, Double> w = new LinkedHashMap<>();
        w.put("peer_share", -3.0);
        w.put("prior_role", 2.0);
        w.put("direct_grant", 1.2);
        w.put("in_role_bundle", -1.5);
        w.put("dormancy", 1.5);
        w.put("privilege", 0.6);
        return w;
    }

    @Override
    public String task() {
        return TASK;
    }

    @Override
    public ModelRef model() {
        return MODEL;
    }

    @Override
    public String templateId() {
        return TASK;
    }

    @Override
    public Verdict reason(ReasoningRequest request) {
        if (request.options().size() != 2) {
            throw new IllegalArgumentException("sod-remediation compares exactly two entitlements, got " + request.options().size());
        }
        Candidate a = Candidate.of(request.options().get(0));
        Candidate b = Candidate.of(request.options().get(1));
        Candidate go = a.score() >= b.score() ? a : b;
        Candidate stay = go == a ? b : a;
        double logit = go.score() - stay.score();
        double confidence = 1 / (1 + Math.exp(-logit));
        List<FactorContribution> contributions = contributions(go, stay);
        String action = confidence < REVIEW_BELOW ? "review" : "revoke";
        Map<String, Object> features = new LinkedHashMap<>();
        features.put(a.id(), a.features());
        features.put(b.id(), b.features());
        Map<String, Object> raw = Map.of("scores", Map.of(a.id(), a.score(), b.id(), b.score()), "logit", logit,
                "weights", WEIGHTS, "review_below", REVIEW_BELOW);
        return new Verdict(action, go.id(), confidence, contributions, features, raw,
                templateValues(request, a, b, go, action, confidence, contributions));
    }

    private static List<FactorContribution> contributions(Candidate go, Candidate stay) {
        List<FactorContribution> list = new ArrayList<>();
        for (Map.Entry<String, Double> weight : WEIGHTS.entrySet()) {
            double difference = go.features().get(weight.getKey()) - stay.features().get(weight.getKey());
            if (difference != 0) {
                list.add(new FactorContribution(weight.getKey(), difference, weight.getValue() * difference,
                        Explanations.of(weight.getKey(), go, stay)));
            }
        }
        list.sort(Comparator.comparingDouble((FactorContribution c) -> Math.abs(c.contribution())).reversed());
        return list;
    }

    private static Map<String, String> templateValues(ReasoningRequest request, Candidate a, Candidate b, Candidate go,
                                                      String action, double confidence, List<FactorContribution> contributions) {
        Map<String, String> values = new LinkedHashMap<>();
        request.context().forEach((k, v) -> values.put(k, String.valueOf(v)));
        values.put("left_key", a.id());
        values.put("right_key", b.id());
        values.put("action_sentence", "revoke".equals(action)
                ? "remove " + go.id()
                : "review the conflict with the desk: neither entitlement is clearly out of place");
        values.put("confidence_pct", String.format(Locale.ROOT, "%.1f%%", confidence * 100));
        values.put("reasons", contributions.isEmpty() ? "both entitlements look alike on every factor"
                : contributions.stream().limit(3).map(FactorContribution::explanation).collect(Collectors.joining("; ")));
        return values;
    }

    /** One side of the conflict with its features normalised to [0, 1]. */
    record Candidate(String id, Map<String, Double> features, Map<String, Object> raw) {

        static Candidate of(Map<String, Object> option) {
            Map<String, Double> f = new LinkedHashMap<>();
            f.put("peer_share", number(option, "peer_share"));
            f.put("prior_role", flag(option, "prior_role"));
            f.put("direct_grant", flag(option, "direct_grant"));
            f.put("in_role_bundle", flag(option, "in_role_bundle"));
            Object days = option.get("days_since_use");
            f.put("dormancy", days == null ? 1.0 : Math.min(365, ((Number) days).doubleValue()) / 365);
            f.put("privilege", switch (String.valueOf(option.get("privilege"))) {
                case "PRIVILEGED" -> 1.0;
                case "ELEVATED" -> 0.5;
                default -> 0.0;
            });
            return new Candidate(String.valueOf(option.get("id")), f, option);
        }

        double score() {
            return WEIGHTS.entrySet().stream().mapToDouble(w -> w.getValue() * features.get(w.getKey())).sum();
        }

        private static double number(Map<String, Object> option, String key) {
            Object value = option.get(key);
            return value == null ? 0 : ((Number) value).doubleValue();
        }

        private static double flag(Map<String, Object> option, String key) {
            return Boolean.TRUE.equals(option.get(key)) ? 1 : 0;
        }
    }
}
