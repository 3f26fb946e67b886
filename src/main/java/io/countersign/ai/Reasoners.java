package io.countersign.ai;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.countersign.ai.internal.PromptLibrary;
import io.countersign.ledger.EntryKind;
import io.countersign.ledger.Ledger;
import io.countersign.ledger.LedgerDraft;
import io.countersign.ledger.LedgerEntry;
import io.countersign.ledger.TemplateRef;
import org.springframework.stereotype.Service;

/**
 * Asks the reasoner for a task and records its advice in the ledger before returning it.
 *
 * <p>Ledgered: one {@code recommendation} entry per call, with the context snapshot, the model and
 * template ids and versions, the feature vector as input, the raw output and the confidence.
 */
@Service
public class Reasoners {

    private final Map<String, Reasoner> byTask;
    private final PromptLibrary prompts;
    private final Ledger ledger;

    Reasoners(List<Reasoner> reasoners, PromptLibrary prompts, Ledger ledger) {
        this.byTask = reasoners.stream().collect(Collectors.toUnmodifiableMap(Reasoner::task, Function.identity()));
        this.prompts = prompts;
        this.ledger = ledger;
    }

    public Recommendation recommend(ReasoningRequest request) {
        Reasoner reasoner = byTask.get(request.task());
        if (reasoner == null) {
            throw new IllegalArgumentException("no reasoner for task " + request.task() + "; known: " + byTask.keySet());
        }
        Reasoner.Verdict verdict = reasoner.reason(request);
        TemplateRef template = prompts.ref(reasoner.templateId());
        String narrative = prompts.render(reasoner.templateId(), verdict.templateValues());
        LedgerDraft.Builder draft = LedgerDraft.of(EntryKind.RECOMMENDATION, request.workflow())
                .agent(request.agentId()).sourceEvent(request.sourceEventId()).subject(request.subject())
                .context(request.context()).model(reasoner.model()).template(template)
                .input(verdict.features()).output(Map.of("action", verdict.action(), "target", String.valueOf(verdict.target()),
                        "narrative", narrative, "model_output", verdict.rawOutput(), "contributions", verdict.contributions()))
                .confidence(verdict.confidence());
        request.links().forEach(draft::link);
        LedgerEntry entry = ledger.append(draft.build());
        return new Recommendation(entry.seq(), verdict.action(), verdict.target(), verdict.confidence(),
                verdict.contributions(), narrative, reasoner.model(), template);
    }
}
