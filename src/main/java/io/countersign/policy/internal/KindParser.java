package io.countersign.policy.internal;

import java.util.List;

import io.countersign.policy.PolicyRef;

/** Reads the content and tests of one kind of policy file. */
interface KindParser {

    /** What a file of this kind and its tests contain. */
    record Parsed(PolicyContent content, List<PolicyTestCase> tests) {
    }

    /** The top-level keys this kind adds to {@code kind}, {@code id}, {@code version} and {@code tests}. */
    List<String> contentKeys();

    /** Parses the file's content and tests; {@code policy} identifies the file in everything it builds. */
    Parsed parse(YamlMap file, PolicyRef policy);
}
