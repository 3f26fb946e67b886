package io.countersign.policy.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.countersign.policy.PolicyProblem;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Reads the {@code *.yaml} files of a policy set, from a directory or from the classpath. */
final class SourceReader {

    static final String CLASSPATH_LOCATION = "classpath:policies/";

    /** The files of a policy set and the problems met reading them. */
    record Sources(String label, List<SourceFile> files, List<PolicyProblem> problems) {
    }

    private SourceReader() {
    }

    static Sources directory(Path directory) {
        String label = directory.toAbsolutePath().normalize().toString();
        if (!Files.isDirectory(directory)) {
            return new Sources(label, List.of(), List.of(setProblem("policy directory " + label + " does not exist")));
        }
        List<SourceFile> files = new ArrayList<>();
        List<PolicyProblem> problems = new ArrayList<>();
        try (Stream<Path> paths = Files.list(directory)) {
            List<Path> policyFiles = paths.filter(SourceReader::isPolicyFile)
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
            for (Path path : policyFiles) {
                String name = path.getFileName().toString();
                try {
                    files.add(SourceFile.of(name, Files.readAllBytes(path)));
                } catch (IOException e) {
                    problems.add(new PolicyProblem(name, 0, "cannot read: " + e.getMessage()));
                }
            }
        } catch (IOException e) {
            problems.add(setProblem("cannot list policy directory " + label + ": " + e.getMessage()));
        }
        return withEmptyCheck(new Sources(label, files, problems));
    }

    static Sources classpath() {
        List<SourceFile> files = new ArrayList<>();
        List<PolicyProblem> problems = new ArrayList<>();
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver(SourceReader.class.getClassLoader())
                    .getResources(CLASSPATH_LOCATION + "*.yaml");
            Arrays.sort(resources, Comparator.comparing(Resource::getFilename));
            for (Resource resource : resources) {
                try (InputStream in = resource.getInputStream()) {
                    files.add(SourceFile.of(resource.getFilename(), in.readAllBytes()));
                }
            }
        } catch (IOException e) {
            problems.add(setProblem("cannot read " + CLASSPATH_LOCATION + ": " + e.getMessage()));
        }
        return withEmptyCheck(new Sources(CLASSPATH_LOCATION, files, problems));
    }

    private static boolean isPolicyFile(Path path) {
        return path.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(path);
    }

    private static Sources withEmptyCheck(Sources sources) {
        if (!sources.files().isEmpty() || !sources.problems().isEmpty()) {
            return sources;
        }
        return new Sources(sources.label(), List.of(), List.of(setProblem("no *.yaml policy files in "
                + sources.label())));
    }

    static PolicyProblem setProblem(String reason) {
        return new PolicyProblem(".", 0, reason);
    }
}
