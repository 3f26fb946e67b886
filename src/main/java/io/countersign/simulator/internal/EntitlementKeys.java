package io.countersign.simulator.internal;

import java.util.List;
import java.util.Map;

/** Looks entitlements up by their {@code system:permission} key while the catalogue is read. */
record EntitlementKeys(List<EntitlementDef> entitlements, Map<String, Integer> byKey) {

    int indexOf(YamlNode where, String key) {
        Integer index = byKey.get(key);
        if (index == null) {
            throw where.invalid("no entitlement '" + key + "' in applications.yaml");
        }
        return index;
    }

    String name(int index) {
        return entitlements.get(index).key();
    }
}
