package io.countersign.operators;

import java.util.Locale;

/** What an operator may do. */
public enum Role {
    /** Runs Countersign: users, tokens, configuration, metrics. Decides nothing. */
    ADMIN,
    /** Owns policy; decides high-risk approvals. */
    COMPLIANCE_OFFICER,
    /** Decides approvals routed to them (desk heads, managers). */
    APPROVER,
    /** Reviews access (certification) and reads the directory. */
    REVIEWER,
    /** Reads everything that is evidence, changes nothing. */
    AUDITOR,
    /** An AI agent's service identity: submits proposals and scoped writes. */
    AGENT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code compliance_officer} or {@code COMPLIANCE_OFFICER}; the message lists the valid names. */
    public static Role parse(String text) {
        for (Role role : values()) {
            if (role.wireName().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + text + "' (expected one of admin, compliance_officer, approver, reviewer, auditor, agent)");
    }
}
