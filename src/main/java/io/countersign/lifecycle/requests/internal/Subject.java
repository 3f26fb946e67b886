package io.countersign.lifecycle.requests.internal;

import io.countersign.directory.Entitlement;
import io.countersign.directory.HrRecord;
import io.countersign.directory.Identity;
import io.countersign.policy.DirectoryFacts;
import io.countersign.policy.IdentityFacts;

/** A submission checked against the directory: who, what, why and for how long. */
record Subject(Identity identity, HrRecord hr, Entitlement entitlement, String justification, Integer durationDays) {

    String identityId() {
        return identity.id().value();
    }

    IdentityFacts facts() {
        return DirectoryFacts.identity(identity, hr);
    }
}
