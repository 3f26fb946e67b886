package io.countersign.simulator.internal.scim;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A SCIM filter (RFC 7644 §3.4.2.2): the attribute operators {@code eq ne co sw ew pr gt ge lt le}, joined by
 * {@code and}, {@code or} and {@code not ( … )}, with parentheses. Attribute paths may carry a schema URN and a
 * sub-attribute ({@code name.givenName}); a multi-valued attribute matches when any of its values does, and a
 * complex one is compared by its {@code value}. Strings compare without case. Value filters inside a filter
 * ({@code emails[type eq "work"]}) are not supported and are refused as {@code invalidFilter}.
 */
final class ScimFilter {

    private sealed interface Node permits And, Or, Not, Compare {
        boolean test(JsonNode resource);
    }

    private record And(Node left, Node right) implements Node {
        public boolean test(JsonNode resource) {
            return left.test(resource) && right.test(resource);
        }
    }

    private record Or(Node left, Node right) implements Node {
        public boolean test(JsonNode resource) {
            return left.test(resource) || right.test(resource);
        }
    }

    private record Not(Node inner) implements Node {
        public boolean test(JsonNode resource) {
            return !inner.test(resource);
        }
    }

    private record Compare(String path, String operator, JsonNode value) implements Node {
        public boolean test(JsonNode resource) {
            List<JsonNode> actual = ScimPath.values(resource, path);
            return switch (operator) {
                case "pr" -> actual.stream().anyMatch(v -> !v.isNull() && !(v.isString() && v.stringValue().isEmpty()));
                case "ne" -> actual.stream().noneMatch(v -> compare(v, value) == 0);
                default -> actual.stream().anyMatch(v -> matches(v, operator, value));
            };
        }
    }

    private static final List<String> OPERATORS = List.of("eq", "ne", "co", "sw", "ew", "pr", "gt", "ge", "lt", "le");

    private final Node root;
    private final List<String> tokens;
    private int next;

    private ScimFilter(String text) {
        this.tokens = tokenize(text);
        this.root = or();
        if (next < tokens.size()) {
            throw invalid("unexpected '" + tokens.get(next) + "'");
        }
    }

    static ScimFilter parse(String text) {
        if (text == null || text.isBlank()) {
            throw invalid("is empty");
        }
        return new ScimFilter(text);
    }

    boolean matches(JsonNode resource) {
        return root.test(resource);
    }

    private Node or() {
        Node left = and();
        while (peekWord("or")) {
            next++;
            left = new Or(left, and());
        }
        return left;
    }

    private Node and() {
        Node left = unary();
        while (peekWord("and")) {
            next++;
            left = new And(left, unary());
        }
        return left;
    }

    private Node unary() {
        if (peekWord("not")) {
            next++;
            expect("(");
            Node inner = or();
            expect(")");
            return new Not(inner);
        }
        if ("(".equals(peek())) {
            next++;
            Node inner = or();
            expect(")");
            return inner;
        }
        String path = take("an attribute");
        if (path.contains("[")) {
            throw invalid("value filters inside a filter are not supported: " + path);
        }
        String operator = take("an operator after " + path).toLowerCase(Locale.ROOT);
        if (!OPERATORS.contains(operator)) {
            throw invalid("unknown operator '" + operator + "' after " + path);
        }
        return new Compare(path, operator, "pr".equals(operator) ? null : literal(take("a value after " + path + " " + operator)));
    }

    private static JsonNode literal(String token) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (token.startsWith("\"")) {
            try {
                return nodes.stringNode(ScimJson.MAPPER.readValue(token, String.class));
            } catch (JacksonException e) {
                throw invalid("the string " + token + " is not a valid JSON string");
            }
        }
        return switch (token.toLowerCase(Locale.ROOT)) {
            case "true" -> nodes.booleanNode(true);
            case "false" -> nodes.booleanNode(false);
            case "null" -> nodes.nullNode();
            default -> {
                try {
                    yield nodes.numberNode(new BigDecimal(token));
                } catch (NumberFormatException e) {
                    throw invalid("'" + token + "' is not a string, number, boolean or null");
                }
            }
        };
    }

    private static boolean matches(JsonNode actual, String operator, JsonNode wanted) {
        if (List.of("co", "sw", "ew").contains(operator)) {
            if (!actual.isString() || !wanted.isString()) {
                return false;
            }
            String a = actual.stringValue().toLowerCase(Locale.ROOT);
            String w = wanted.stringValue().toLowerCase(Locale.ROOT);
            return "co".equals(operator) ? a.contains(w) : "sw".equals(operator) ? a.startsWith(w) : a.endsWith(w);
        }
        int order = compare(actual, wanted);
        return switch (operator) {
            case "eq" -> order == 0;
            case "gt" -> order != Integer.MIN_VALUE && order > 0;
            case "ge" -> order != Integer.MIN_VALUE && order >= 0;
            case "lt" -> order != Integer.MIN_VALUE && order < 0;
            default -> order != Integer.MIN_VALUE && order <= 0;
        };
    }

    /** Their order, or {@code Integer.MIN_VALUE} when the two cannot be compared. */
    private static int compare(JsonNode actual, JsonNode wanted) {
        if (actual.isString() && wanted.isString()) {
            return Integer.signum(actual.stringValue().compareToIgnoreCase(wanted.stringValue()));
        }
        if (actual.isNumber() && wanted.isNumber()) {
            return actual.decimalValue().compareTo(wanted.decimalValue());
        }
        if (actual.isBoolean() && wanted.isBoolean()) {
            return actual.booleanValue() == wanted.booleanValue() ? 0 : Integer.MIN_VALUE;
        }
        if (actual.isString() && wanted.isBoolean()) {
            return actual.stringValue().equalsIgnoreCase(Boolean.toString(wanted.booleanValue())) ? 0 : Integer.MIN_VALUE;
        }
        return actual.isNull() && wanted.isNull() ? 0 : Integer.MIN_VALUE;
    }

    private static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                tokens.add(String.valueOf(c));
                i++;
            } else if (c == '"') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != '"') {
                    end += text.charAt(end) == '\\' ? 2 : 1;
                }
                if (end >= text.length()) {
                    throw invalid("a string is not closed");
                }
                tokens.add(text.substring(i, end + 1));
                i = end + 1;
            } else {
                int end = i;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && "()\"".indexOf(text.charAt(end)) < 0) {
                    end++;
                }
                tokens.add(text.substring(i, end));
                i = end;
            }
        }
        return tokens;
    }

    private String peek() {
        return next < tokens.size() ? tokens.get(next) : null;
    }

    private boolean peekWord(String word) {
        return word.equalsIgnoreCase(peek());
    }

    private String take(String what) {
        String token = peek();
        if (token == null || "(".equals(token) || ")".equals(token)) {
            throw invalid("expected " + what + (token == null ? " at the end" : " before '" + token + "'"));
        }
        next++;
        return token;
    }

    private void expect(String token) {
        if (!token.equals(peek())) {
            throw invalid("expected '" + token + "'" + (peek() == null ? " at the end" : " before '" + peek() + "'"));
        }
        next++;
    }

    private static ScimError invalid(String detail) {
        return new ScimError(400, "invalidFilter", "filter: " + detail);
    }
}
