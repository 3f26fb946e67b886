package io.countersign.ledger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a caller asks the ledger to record; the ledger adds the sequence number, time and hashes.
 *
 * <p>Values in {@code context}, {@code input} and {@code output} must be JSON-like: maps with string keys,
 * lists, strings, numbers, booleans or records of those. Values under keys that name a secret (ending in
 * password, secret, token, authorization, api key, private key, credentials or bearer) are replaced by
 * {@code "[redacted]"}.
 *
 * @param workflow      the workflow on whose behalf, e.g. {@code sod_remediation}
 * @param agentId       the AI agent involved, or {@code null}
 * @param actor         the person involved (their Countersign user name), or {@code null}
 * @param sourceEventId the platform or internal event that started it
 * @param subject       what it is about, e.g. {@code identity:idn-00042}
 * @param input         the rendered prompt or the feature vector given to a model
 * @param output        the model's raw output, or a target's raw answer
 * @param route         {@code auto}, {@code human} or a named route such as {@code compliance_officer}
 * @param links         sequence numbers of the earlier entries this one follows from
 */
public record LedgerDraft(EntryKind kind, String workflow, String agentId, String actor, String sourceEventId,
                          String subject, Map<String, Object> context, ModelRef model, TemplateRef template,
                          Object input, Object output, Double confidence, List<AppliedPolicy> policies, String route,
                          List<Long> links) {

    public LedgerDraft {
        Objects.requireNonNull(kind, "kind == null");
        Objects.requireNonNull(workflow, "workflow == null");
        if (workflow.isBlank()) {
            throw new IllegalArgumentException("workflow is blank");
        }
        if (confidence != null && (confidence.isNaN() || confidence < 0 || confidence > 1)) {
            throw new IllegalArgumentException("confidence " + confidence + " is not within [0, 1]");
        }
        context = context == null ? Map.of() : new LinkedHashMap<>(context);
        policies = policies == null ? List.of() : List.copyOf(policies);
        links = links == null ? List.of() : List.copyOf(links);
        for (Long link : links) {
            if (link == null || link < 1) {
                throw new IllegalArgumentException("links holds an invalid sequence number " + link);
            }
        }
    }

    public static Builder of(EntryKind kind, String workflow) {
        return new Builder(kind, workflow);
    }

    /** Builds a draft; every setter is optional. */
    public static final class Builder {
        private final EntryKind kind;
        private final String workflow;
        private String agentId;
        private String actor;
        private String sourceEventId;
        private String subject;
        private final Map<String, Object> context = new LinkedHashMap<>();
        private ModelRef model;
        private TemplateRef template;
        private Object input;
        private Object output;
        private Double confidence;
        private final List<AppliedPolicy> policies = new ArrayList<>();
        private String route;
        private final List<Long> links = new ArrayList<>();

        private Builder(EntryKind kind, String workflow) {
            this.kind = kind;
            this.workflow = workflow;
        }

        public Builder agent(String agentId) { this.agentId = agentId; return this; }
        public Builder actor(String actor) { this.actor = actor; return this; }
        public Builder sourceEvent(String sourceEventId) { this.sourceEventId = sourceEventId; return this; }
        public Builder subject(String subject) { this.subject = subject; return this; }
        public Builder context(String key, Object value) { this.context.put(key, value); return this; }
        public Builder context(Map<String, ?> values) { this.context.putAll(values); return this; }
        public Builder model(ModelRef model) { this.model = model; return this; }
        public Builder template(TemplateRef template) { this.template = template; return this; }
        public Builder input(Object input) { this.input = input; return this; }
        public Builder output(Object output) { this.output = output; return this; }
        public Builder confidence(double confidence) { this.confidence = confidence; return this; }
        public Builder policy(AppliedPolicy policy) { this.policies.add(policy); return this; }
        public Builder policies(List<AppliedPolicy> policies) { this.policies.addAll(policies); return this; }
        public Builder route(String route) { this.route = route; return this; }
        public Builder link(long seq) { this.links.add(seq); return this; }

        public LedgerDraft build() {
            return new LedgerDraft(kind, workflow, agentId, actor, sourceEventId, subject, context, model, template,
                    input, output, confidence, policies, route, links);
        }
    }
}
