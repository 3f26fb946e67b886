package io.countersign.simulator.internal.okta;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subset of Okta's {@code filter} and {@code search} expressions the stand-in understands: {@code eq}
 * comparisons of named properties, joined by {@code and} and {@code or} (without parentheses), e.g.
 * {@code status eq "DEPROVISIONED"} or {@code eventType eq "user.session.start" or eventType eq "user.lifecycle.create"}.
 */
final class EqFilter {

    private static final Pattern CLAUSE = Pattern.compile("\\s*([A-Za-z.]+)\\s+eq\\s+\"([^\"]*)\"\\s*");

    private EqFilter() {
    }

    static <T> Predicate<T> parse(String expression, Map<String, Function<T, String>> properties) {
        List<Predicate<T>> alternatives = new ArrayList<>();
        for (String alternative : expression.split("(?i)\\s+or\\s+")) {
            Predicate<T> all = item -> true;
            for (String clause : alternative.split("(?i)\\s+and\\s+")) {
                all = all.and(clause(clause, properties));
            }
            alternatives.add(all);
        }
        return item -> alternatives.stream().anyMatch(p -> p.test(item));
    }

    private static <T> Predicate<T> clause(String clause, Map<String, Function<T, String>> properties) {
        Matcher m = CLAUSE.matcher(clause);
        if (!m.matches()) {
            throw OktaError.invalidSearch("unsupported expression: " + clause.strip());
        }
        Function<T, String> property = properties.get(m.group(1));
        if (property == null) {
            throw OktaError.invalidSearch("unsupported property: " + m.group(1) + "; supported: " + properties.keySet().stream().sorted().toList());
        }
        String value = m.group(2);
        return item -> value.equals(property.apply(item));
    }
}
