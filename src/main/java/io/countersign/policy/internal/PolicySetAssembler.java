package io.countersign.policy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.countersign.policy.PolicyProblem;
import io.countersign.policy.PolicySetInfo;

/**
 * Puts parsed files together into one policy set: ids unique across files, SoD rules, baselines and catalogue items merged,
 * and exactly one risk-tier, autonomy and agents file, at least one SoD file.
 */
final class PolicySetAssembler {

    private final List<ParsedFile> files;
    private final boolean allFilesParsed;
    private final List<PolicyProblem> problems = new ArrayList<>();

    private PolicySetAssembler(List<ParsedFile> files, boolean allFilesParsed) {
        this.files = files;
        this.allFilesParsed = allFilesParsed;
    }

    /**
     * The policy set, or empty with the set's problems added to {@code problems}. Problems already in
     * {@code problems} mean some file did not parse; its kind is then unknown, so no kind is called missing.
     */
    static Optional<PolicySet> assemble(String source, List<ParsedFile> files, List<PolicyProblem> problems) {
        PolicySetAssembler assembler = new PolicySetAssembler(files, problems.isEmpty());
        assembler.checkFileIds();
        SodMatrix sod = SodMatrix.merge(assembler.contents("sod", SodMatrix.class));
        assembler.checkSodRuleIds(sod);
        Baselines baselines = Baselines.merge(assembler.contents("baselines", Baselines.class));
        assembler.checkBaselineIds(baselines);
        Catalogue catalogue = Catalogue.merge(assembler.contents("catalogue", Catalogue.class));
        assembler.checkCatalogueIds(catalogue);
        if (assembler.contents("sod", SodMatrix.class).isEmpty()) {
            assembler.missing("no sod policy: a complete set has at least one");
        }
        Optional<RiskTiers> tiers = assembler.single("risk_tiers", RiskTiers.class);
        Optional<AutonomyPolicy> autonomy = assembler.single("autonomy", AutonomyPolicy.class);
        Optional<AgentRegistry> agents = assembler.single("agents", AgentRegistry.class);
        problems.addAll(assembler.problems);
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        PolicySetInfo info = new PolicySetInfo(source, files.stream().map(ParsedFile::ref).toList());
        return Optional.of(new PolicySet(info, sod, tiers.orElseThrow(), autonomy.orElseThrow(), baselines,
                agents.orElseThrow(), catalogue));
    }

    private void checkFileIds() {
        UniqueIds ids = new UniqueIds();
        for (ParsedFile file : files) {
            ids.claim(file.ref().id(), file.idAt()).ifPresent(first -> duplicate(file.idAt(),
                    "duplicate policy id '" + file.ref().id() + "'", first));
        }
    }

    private void checkSodRuleIds(SodMatrix sod) {
        UniqueIds ids = new UniqueIds();
        for (SodRule rule : sod.rules()) {
            ids.claim(rule.id(), rule.idAt()).ifPresent(first -> duplicate(rule.idAt(),
                    "duplicate sod rule id '" + rule.id() + "'", first));
        }
    }

    private void checkBaselineIds(Baselines baselines) {
        UniqueIds ids = new UniqueIds();
        for (BaselineRule rule : baselines.rules()) {
            ids.claim(rule.id(), rule.idAt()).ifPresent(first -> duplicate(rule.idAt(),
                    "duplicate baseline id '" + rule.id() + "'", first));
        }
    }

    private void checkCatalogueIds(Catalogue catalogue) {
        UniqueIds ids = new UniqueIds();
        for (CatalogueItem item : catalogue.items()) {
            ids.claim(item.id(), item.idAt()).ifPresent(first -> duplicate(item.idAt(),
                    "duplicate catalogue item id '" + item.id() + "'", first));
        }
    }

    private void missing(String reason) {
        if (allFilesParsed) {
            problems.add(SourceReader.setProblem(reason));
        }
    }

    private void duplicate(Location at, String what, Location first) {
        problems.add(new PolicyProblem(at.file(), at.line(), what + " (first at " + first + ")"));
    }

    private <T extends PolicyContent> List<T> contents(String kind, Class<T> type) {
        return files.stream().filter(file -> file.kind().equals(kind)).map(file -> type.cast(file.content())).toList();
    }

    /** The one file of {@code kind}; a problem when there is none or more than one. */
    private <T extends PolicyContent> Optional<T> single(String kind, Class<T> type) {
        List<ParsedFile> ofKind = files.stream().filter(file -> file.kind().equals(kind)).toList();
        if (ofKind.isEmpty()) {
            missing("no " + kind + " policy: a complete set has exactly one");
            return Optional.empty();
        }
        for (ParsedFile extra : ofKind.subList(1, ofKind.size())) {
            Location at = extra.kindAt();
            problems.add(new PolicyProblem(at.file(), at.line(), "a second " + kind + " policy (first in "
                    + ofKind.getFirst().file() + "): a complete set has exactly one"));
        }
        return ofKind.size() == 1 ? Optional.of(type.cast(ofKind.getFirst().content())) : Optional.empty();
    }
}
