package io.countersign.agents;

import io.countersign.ledger.AppliedPolicy;

/** The scope guard's answer for one write. */
public sealed interface Authorisation {

    String agentId();

    /** Inside the scope described; the policy is recorded with the write's ledger entries. */
    record Granted(String agentId, String scopeDescription, AppliedPolicy policy) implements Authorisation { }

    /** Outside every scope (or an unknown agent); the refusal was ledgered at {@code refusalSeq}. */
    record Denied(String agentId, String reason, long refusalSeq) implements Authorisation { }
}
