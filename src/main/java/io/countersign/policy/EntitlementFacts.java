package io.countersign.policy;

import java.util.Objects;

/**
 * What policy may know about an entitlement. CEL sees it as the map {@code entitlement} with the keys
 * {@code key}, {@code system}, {@code permission}, {@code privilege} and {@code sensitivity}; a {@code null}
 * field is CEL {@code null}.
 *
 * @param key         {@code "System:PERMISSION"}, e.g. {@code "Murex:EXECUTE_TRADE"} or
 *                    {@code "Active Directory:Domain Admins"}; the identity SoD rules match on
 * @param privilege   {@code STANDARD}, {@code ELEVATED} or {@code PRIVILEGED}
 * @param sensitivity {@code PUBLIC}, {@code INTERNAL}, {@code CONFIDENTIAL} or {@code RESTRICTED}
 */
public record EntitlementFacts(String key, String system, String permission, String privilege,
        String sensitivity) {

    public EntitlementFacts {
        Objects.requireNonNull(key, "key == null");
    }

    /** Facts whose system and permission are the two halves of {@code key} around its first colon. */
    public static EntitlementFacts of(String key, String privilege, String sensitivity) {
        Objects.requireNonNull(key, "key == null");
        int colon = key.indexOf(':');
        if (colon <= 0 || colon == key.length() - 1) {
            throw new IllegalArgumentException("key is not System:PERMISSION: " + key);
        }
        return new EntitlementFacts(key, key.substring(0, colon), key.substring(colon + 1), privilege, sensitivity);
    }
}
