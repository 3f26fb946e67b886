package io.countersign.lifecycle.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.countersign.ai.FactorContribution;
import io.countersign.ai.Reasoner;
import io.countersign.ai.ReasoningRequest;
import io.countersign.ledger.ModelRef;
import org.springframework.stereotype.Component;

/**
 * How sure the proposed access package is right, as a logistic score over documented factors: how well each item
 * is supported (1 for a policy baseline, else the share of peers holding it), the share of items that would break
 * an SoD rule, whether the compliance flags are missing, and pending registrations. The weights are expert priors
 * (version 1), stated here so an auditor can check them; the package itself comes from policy and peers, the model
 * only scores it.
 */
@Component
class PackageReasoner implements Reasoner {

    static final String TASK = "access-package";
    private static final ModelRef MODEL = new ModelRef("access-package-logit", "1");
    private static final double BIAS = -0.5;
    private static final Map<String, Double> WEIGHTS = Map.of("support", 4.0, "sod_conflict_share", -2.5, "flags_unavailable", -1.5,
            "registrations_pending", -0.7);

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
        List<Map<String, Object>> options = request.options();
        double support = options.stream().mapToDouble(o -> number(o, "support")).average().orElse(1);
        double conflicts = options.stream().mapToDouble(o -> number(o, "sod_conflict")).average().orElse(0);
        Map<String, Double> features = new LinkedHashMap<>();
        features.put("support", support);
        features.put("sod_conflict_share", conflicts);
        features.put("flags_unavailable", Boolean.TRUE.equals(request.context().get("flags_available")) ? 0.0 : 1.0);
        features.put("registrations_pending", number(request.context(), "registrations_pending") > 0 ? 1.0 : 0.0);
        List<FactorContribution> contributions = new ArrayList<>();
        double logit = BIAS;
        for (Map.Entry<String, Double> f : features.entrySet()) {
            double c = WEIGHTS.get(f.getKey()) * f.getValue();
            logit += c;
            contributions.add(new FactorContribution(f.getKey(), f.getValue(), c, explain(f.getKey(), f.getValue())));
        }
        double confidence = Math.round(1 / (1 + Math.exp(-logit)) * 1000) / 1000.0;
        Map<String, String> values = new LinkedHashMap<>();
        request.context().forEach((k, v) -> values.put(k, String.valueOf(v)));
        values.put("confidence_pct", String.format(Locale.ROOT, "%.0f%%", confidence * 100));
        values.put("reasons", String.join("; ", contributions.stream().filter(c -> c.contribution() != 0).map(FactorContribution::explanation).toList()));
        return new Verdict("grant", null, confidence, contributions, Map.copyOf(features),
                Map.of("logit", logit, "access_package", request.context().getOrDefault("access_package", Map.of())), values);
    }

    private static String explain(String factor, double value) {
        return switch (factor) {
            case "support" -> String.format(Locale.ROOT, "items are backed by policy or peers at %.0f%% on average", value * 100);
            case "sod_conflict_share" -> String.format(Locale.ROOT, "%.0f%% of the items would break a separation-of-duties rule", value * 100);
            case "flags_unavailable" -> value > 0 ? "the compliance API gave no flags" : "the compliance API answered";
            default -> value > 0 ? "a required registration is still pending" : "no registration pending";
        };
    }

    private static double number(Map<String, Object> map, String key) {
        return map.get(key) instanceof Number n ? n.doubleValue() : 0;
    }
}
