package io.countersign.policy;

import java.util.Map;

import io.countersign.directory.Entitlement;
import io.countersign.directory.HrRecord;
import io.countersign.directory.Identity;

/** Turns directory records into the facts policy expressions see. */
public final class DirectoryFacts {

    private DirectoryFacts() {
    }

    public static IdentityFacts identity(Identity identity, HrRecord hr) {
        return new IdentityFacts(identity.id().value(), hr.title(), hr.department(), hr.desk(), hr.location(),
                hr.employmentType().name(), Map.of("status", identity.status().name(), "cost_centre", hr.costCentre()));
    }

    public static EntitlementFacts entitlement(Entitlement entitlement) {
        return new EntitlementFacts(entitlement.key(), entitlement.system(), entitlement.permission(),
                entitlement.privilege().name(), entitlement.sensitivity().name());
    }
}
