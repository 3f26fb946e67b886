package io.countersign.ledger.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * JSON Canonicalization Scheme (RFC 8785): object members sorted by their UTF-16 code units, no
 * insignificant white space, strings with only the mandatory escapes, numbers as ECMAScript's
 * {@code Number.prototype.toString} writes the IEEE 754 double.
 */
final class CanonicalJson {

    private CanonicalJson() {
    }

    static String write(JsonNode node) {
        StringBuilder out = new StringBuilder(256);
        append(node, out);
        return out.toString();
    }

    private static void append(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> appendObject(node, out);
            case ARRAY -> appendArray(node, out);
            case STRING -> appendString(node.stringValue(), out);
            case NUMBER -> out.append(number(node.doubleValue()));
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL -> out.append("null");
            default -> throw new IllegalArgumentException("cannot canonicalise a JSON node of type " + node.getNodeType());
        }
    }

    private static void appendObject(JsonNode node, StringBuilder out) {
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
        members.sort(Map.Entry.comparingByKey());
        out.append('{');
        for (int i = 0; i < members.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            appendString(members.get(i).getKey(), out);
            out.append(':');
            append(members.get(i).getValue(), out);
        }
        out.append('}');
    }

    private static void appendArray(JsonNode node, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            append(node.get(i), out);
        }
        out.append(']');
    }

    static void appendString(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> appendChar(value, i, c, out);
            }
        }
        out.append('"');
    }

    private static void appendChar(String value, int index, char c, StringBuilder out) {
        if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
        } else if (Character.isHighSurrogate(c) && (index + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(index + 1)))
                || Character.isLowSurrogate(c) && (index == 0 || !Character.isHighSurrogate(value.charAt(index - 1)))) {
            throw new IllegalArgumentException("a string holds a lone surrogate at index " + index + "; RFC 8785 needs valid Unicode");
        } else {
            out.append(c);
        }
    }

    /** ECMAScript Number.prototype.toString for a finite double (RFC 8785 section 3.2.2.3). */
    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("RFC 8785 has no representation for " + value);
        }
        if (value == 0) {
            return "0";
        }
        if (value < 0) {
            return "-" + number(-value);
        }
        BigDecimal shortest = shortestDigits(value);
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale();
        if (k <= n && n <= 21) {
            return digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return "0." + "0".repeat(-n) + digits;
        }
        int exponent = n - 1;
        String mantissa = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.abs(exponent);
    }

    /**
     * The fewest significant digits that read back as {@code value}, closest to it. Java's own shortest
     * form keeps two digits where one would do (4.9E-324 for 5e-324), so fewer are tried as well.
     */
    private static BigDecimal shortestDigits(double value) {
        BigDecimal shortest = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        BigDecimal exact = new BigDecimal(value);
        for (int digits = shortest.precision() - 1; digits >= 1; digits--) {
            BigDecimal candidate = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() != value) {
                break;
            }
            shortest = candidate.stripTrailingZeros();
        }
        return shortest;
    }
}
