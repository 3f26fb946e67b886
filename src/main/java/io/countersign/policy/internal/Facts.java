package io.countersign.policy.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.cel.common.values.NullValue;
import io.countersign.policy.EntitlementFacts;
import io.countersign.policy.IdentityFacts;
import io.countersign.policy.PolicyException;

/**
 * Turns facts into the values CEL understands: integers become {@code Long} (CEL has no 32-bit int), floats
 * {@code Double}, {@code null} CEL null, enums, dates and ids their text, nested maps and lists likewise.
 */
final class Facts {

    private Facts() {
    }

    static Map<String, Object> identity(IdentityFacts identity) {
        Map<String, Object> facts = item(identity.attributes(), "identity");
        facts.put("id", text(identity.id()));
        facts.put("title", text(identity.title()));
        facts.put("department", text(identity.department()));
        facts.put("desk", text(identity.desk()));
        facts.put("location", text(identity.location()));
        facts.put("employment_type", text(identity.employmentType()));
        return facts;
    }

    /** The entitlement's facts; an empty map for {@code null}. */
    static Map<String, Object> entitlement(EntitlementFacts entitlement) {
        Map<String, Object> facts = new LinkedHashMap<>();
        if (entitlement != null) {
            facts.put("key", entitlement.key());
            facts.put("system", text(entitlement.system()));
            facts.put("permission", text(entitlement.permission()));
            facts.put("privilege", text(entitlement.privilege()));
            facts.put("sensitivity", text(entitlement.sensitivity()));
        }
        return facts;
    }

    /** A free map of facts; an empty map for {@code null}. */
    static Map<String, Object> item(Map<String, ?> item, String path) {
        Map<String, Object> facts = new LinkedHashMap<>();
        if (item != null) {
            item.forEach((key, value) -> facts.put(key, value(value, path + "." + key)));
        }
        return facts;
    }

    private static Object text(String value) {
        return value == null ? NullValue.NULL_VALUE : value;
    }

    private static Object value(Object value, String path) {
        return switch (value) {
            case null -> NullValue.NULL_VALUE;
            case String text -> text;
            case Boolean flag -> flag;
            case Long number -> number;
            case Integer number -> number.longValue();
            case Short number -> number.longValue();
            case Byte number -> number.longValue();
            case Double number -> number;
            case Float number -> number.doubleValue();
            case BigInteger number -> exactLong(number, path);
            case BigDecimal number -> number.doubleValue();
            case Map<?, ?> map -> nested(map, path);
            case Collection<?> list -> list(list, path);
            case Enum<?> constant -> constant.name();
            case CharSequence text -> text.toString();
            case TemporalAccessor time -> time.toString();
            case UUID id -> id.toString();
            default -> throw new PolicyException(PolicyException.Code.UNSUPPORTED_INPUT,
                    path + " is a " + value.getClass().getName() + ", which policy expressions cannot use");
        };
    }

    private static long exactLong(BigInteger number, String path) {
        if (number.bitLength() >= Long.SIZE) {
            throw new PolicyException(PolicyException.Code.UNSUPPORTED_INPUT, path + " does not fit in 64 bits");
        }
        return number.longValue();
    }

    private static Map<String, Object> nested(Map<?, ?> map, String path) {
        Map<String, Object> facts = new LinkedHashMap<>();
        map.forEach((key, value) -> facts.put(String.valueOf(key), value(value, path + "." + key)));
        return facts;
    }

    private static List<Object> list(Collection<?> values, String path) {
        List<Object> list = new ArrayList<>(values.size());
        int index = 0;
        for (Object value : values) {
            list.add(value(value, path + "[" + index++ + "]"));
        }
        return list;
    }
}
