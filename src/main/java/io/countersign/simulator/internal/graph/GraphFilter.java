package io.countersign.simulator.internal.graph;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of OData {@code $filter} the stand-in understands: comparisons joined by {@code and}, such as
 * {@code createdDateTime ge 2025-06-01T00:00:00Z} or {@code displayName eq 'SG-M365-E3_LICENSE'}, on the
 * properties a resource declares filterable. Anything else is refused the way Graph refuses it, with a 400.
 */
final class GraphFilter {

    private static final Pattern CLAUSE = Pattern.compile("\\s*([A-Za-z]+(?:/[A-Za-z]+)?)\\s+(eq|ne|ge|gt|le|lt)\\s+('(?:[^']|'')*'|[^\\s']+)\\s*");

    private record Clause(String property, String operator, String literal) { }

    private final List<Clause> clauses;

    private GraphFilter(List<Clause> clauses) {
        this.clauses = clauses;
    }

    static GraphFilter parse(String filter, Set<String> filterable) {
        if (filter == null || filter.isBlank()) {
            return new GraphFilter(List.of());
        }
        List<Clause> clauses = new ArrayList<>();
        for (String part : filter.split("(?i)\\s+and\\s+")) {
            Matcher m = CLAUSE.matcher(part);
            if (!m.matches()) {
                throw new GraphRequest.BadRequest("BadRequest", "Invalid filter clause: the query '" + part.strip() + "' is not supported.");
            }
            if (!filterable.contains(m.group(1))) {
                throw new GraphRequest.BadRequest("Request_UnsupportedQuery", "Unsupported or invalid query filter clause specified for property '"
                        + m.group(1) + "' of resource.");
            }
            clauses.add(new Clause(m.group(1), m.group(2), m.group(3)));
        }
        return new GraphFilter(clauses);
    }

    /** Matches a rendered resource: string properties compare as text, date-times as instants. */
    Predicate<Map<String, Object>> predicate() {
        return record -> clauses.stream().allMatch(c -> holds(c, value(record, c.property())));
    }

    /** The filter as a test of one date-time property, its literals parsed once (for long, time-ordered feeds). */
    Predicate<Instant> onTime(String property) {
        Predicate<Instant> test = at -> true;
        for (Clause c : clauses) {
            if (!c.property().equals(property) || c.literal().startsWith("'")) {
                throw new GraphRequest.BadRequest("BadRequest", "Only date-time comparisons on " + property + " are supported here.");
            }
            Instant bound = instant(c.literal());
            Predicate<Instant> clause = switch (c.operator()) {
                case "eq" -> bound::equals;
                case "ne" -> at -> !at.equals(bound);
                case "ge" -> at -> !at.isBefore(bound);
                case "gt" -> at -> at.isAfter(bound);
                case "le" -> at -> !at.isAfter(bound);
                default -> at -> at.isBefore(bound);
            };
            test = test.and(clause);
        }
        return test;
    }

    /** The lower bound a filter sets on {@code property}, if any, so a listing can skip what is older. */
    Instant lowerBound(String property) {
        Instant bound = null;
        for (Clause c : clauses) {
            if (c.property().equals(property) && (c.operator().equals("ge") || c.operator().equals("gt"))) {
                Instant at = instant(c.literal());
                bound = bound == null || at.isAfter(bound) ? at : bound;
            }
        }
        return bound;
    }

    private static Object value(Map<String, Object> record, String property) {
        Object value = record;
        for (String step : property.split("/")) {
            value = value instanceof Map<?, ?> map ? map.get(step) : null;
        }
        return value;
    }

    private static boolean holds(Clause clause, Object actual) {
        if (clause.literal().startsWith("'")) {
            String expected = clause.literal().substring(1, clause.literal().length() - 1).replace("''", "'");
            boolean equal = actual != null && actual.toString().equalsIgnoreCase(expected);
            return switch (clause.operator()) {
                case "eq" -> equal;
                case "ne" -> !equal;
                default -> throw new GraphRequest.BadRequest("BadRequest", "Operator '" + clause.operator() + "' is not supported on strings.");
            };
        }
        if (actual == null) {
            return clause.operator().equals("ne");
        }
        int order = instant(actual.toString()).compareTo(instant(clause.literal()));
        return switch (clause.operator()) {
            case "eq" -> order == 0;
            case "ne" -> order != 0;
            case "ge" -> order >= 0;
            case "gt" -> order > 0;
            case "le" -> order <= 0;
            default -> order < 0;
        };
    }

    static Instant instant(String literal) {
        try {
            return OffsetDateTime.parse(literal).toInstant();
        } catch (DateTimeParseException notADateTime) {
            try {
                return LocalDate.parse(literal).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                throw new GraphRequest.BadRequest("BadRequest", "The DateTimeOffset text '" + literal + "' should be in format "
                        + "'yyyy-mm-ddThh:mm:ss('.'s+)?(zzzzzz)?' and each field value is within valid range.");
            }
        }
    }
}
