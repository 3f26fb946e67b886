package io.countersign.simulator.internal;

import java.util.List;

/**
 * Everything about the bank that does not depend on the spec: the organisation, the applications and
 * entitlements, the separation-of-duties rules, the conflicts to plant, and the name lists.
 *
 * @param baseline entitlement indices everyone gets
 */
record Catalogue(Organisation organisation, List<ApplicationDef> applications, EntitlementKeys keys, int[] baseline,
                 SodRules sod, List<ConflictPlan> plans, List<ServiceDef> services, List<String> firstNames,
                 List<String> lastNames) {

    List<EntitlementDef> entitlements() {
        return keys.entitlements();
    }

    EntitlementDef entitlement(int index) {
        return keys.entitlements().get(index);
    }
}
