package io.countersign.policy.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import io.countersign.policy.PolicyCheckReport;
import io.countersign.policy.PolicyException;
import io.countersign.policy.PolicyProblem;

/** Loads policy sets for the engine and checks them for authors. */
public final class PolicyLoader {

    private record Loaded(Optional<PolicySet> set, List<PolicyProblem> problems, List<PolicyTestCase> tests) {
    }

    private PolicyLoader() {
    }

    /** Loads the set in {@code directory}; a {@link PolicyException} listing every problem if it has any. */
    public static PolicySet load(Path directory) {
        return orThrow(read(SourceReader.directory(directory)));
    }

    /** Loads the set shipped on the classpath under {@code policies/}. */
    public static PolicySet loadClasspathDefaults() {
        return orThrow(read(SourceReader.classpath()));
    }

    /** Validates the set in {@code directory} and runs its files' tests. */
    public static PolicyCheckReport check(Path directory) {
        return report(read(SourceReader.directory(directory)));
    }

    /** Validates the shipped set and runs its files' tests. */
    public static PolicyCheckReport checkClasspathDefaults() {
        return report(read(SourceReader.classpath()));
    }

    private static Loaded read(SourceReader.Sources sources) {
        List<PolicyProblem> problems = new ArrayList<>(sources.problems());
        if (sources.files().isEmpty()) {
            return new Loaded(Optional.empty(), problems, List.of());
        }
        PolicyFileParser parser = new PolicyFileParser(new Expressions());
        List<ParsedFile> parsed = new ArrayList<>();
        for (SourceFile file : sources.files()) {
            parser.parse(file, problems).ifPresent(parsed::add);
        }
        Optional<PolicySet> set = PolicySetAssembler.assemble(sources.label(), parsed, problems);
        List<PolicyTestCase> tests = parsed.stream().flatMap(file -> file.tests().stream()).toList();
        return new Loaded(set, problems, tests);
    }

    private static PolicySet orThrow(Loaded loaded) {
        return loaded.set().orElseThrow(() -> new PolicyException(PolicyException.Code.INVALID_POLICY,
                loaded.problems().stream().map(PolicyProblem::toString).collect(Collectors.joining("\n"))));
    }

    private static PolicyCheckReport report(Loaded loaded) {
        return new PolicyCheckReport(loaded.problems(),
                loaded.tests().stream().map(PolicyTestCase::run).toList());
    }
}
