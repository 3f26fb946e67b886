package io.countersign.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What policy may know about an identity. CEL sees it as the map {@code identity} with the keys {@code id},
 * {@code title}, {@code department}, {@code desk}, {@code location}, {@code employment_type} and every
 * attribute; a {@code null} field is CEL {@code null}. Attributes never override the named fields.
 *
 * @param employmentType e.g. {@code EMPLOYEE}, {@code CONTRACTOR}, {@code SERVICE}
 * @param attributes     further facts (strings, numbers, booleans, lists, maps); {@code null} means none
 */
public record IdentityFacts(String id, String title, String department, String desk, String location,
        String employmentType, Map<String, Object> attributes) {

    public IdentityFacts {
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** Facts without extra attributes. */
    public static IdentityFacts of(String id, String title, String department, String desk, String location,
            String employmentType) {
        return new IdentityFacts(id, title, department, desk, location, employmentType, Map.of());
    }
}
