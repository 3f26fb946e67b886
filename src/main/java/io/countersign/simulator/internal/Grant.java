package io.countersign.simulator.internal;

import java.time.Instant;

import io.countersign.directory.AssignmentSource;

/** An assignment while the bank is being generated. */
final class Grant {

    final Person holder;
    final int entitlement;
    final AssignmentSource source;
    final Instant grantedAt;
    final String grantedBy;
    final AccountDraft account;
    Instant lastUsedAt;
    boolean dormant;

    Grant(Person holder, int entitlement, AssignmentSource source, Instant grantedAt, String grantedBy,
          AccountDraft account) {
        this.holder = holder;
        this.entitlement = entitlement;
        this.source = source;
        this.grantedAt = grantedAt;
        this.grantedBy = grantedBy;
        this.account = account;
    }
}
