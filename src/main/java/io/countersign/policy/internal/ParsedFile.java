package io.countersign.policy.internal;

import java.util.List;

import io.countersign.policy.PolicyRef;

/**
 * A policy file that parsed and compiled without problems.
 *
 * @param kindAt where its {@code kind} is written
 * @param idAt   where its {@code id} is written
 */
record ParsedFile(String file, String kind, PolicyRef ref, Location kindAt, Location idAt, PolicyContent content,
        List<PolicyTestCase> tests) {
}
