package io.countersign.simulator.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** The separation-of-duties matrix the bank is generated against. */
record SodRules(List<SodRule> rules) {

    /** A held combination that breaks a rule. */
    record Breach(SodRule rule, int left, int right) {
    }

    boolean conflicts(BitSet held, int entitlement) {
        for (SodRule rule : rules) {
            if (rule.conflicts(held, entitlement)) {
                return true;
            }
        }
        return false;
    }

    /** Every breach in {@code held}, by rule, then left entitlement, then right entitlement. */
    List<Breach> breaches(BitSet held) {
        List<Breach> breaches = new ArrayList<>();
        for (SodRule rule : rules) {
            for (int left : rule.left()) {
                for (int right : rule.right()) {
                    if (held.get(left) && held.get(right)) {
                        breaches.add(new Breach(rule, left, right));
                    }
                }
            }
        }
        return breaches;
    }

    /** Every entitlement some rule names. */
    BitSet governed() {
        BitSet governed = new BitSet();
        for (SodRule rule : rules) {
            governed.or(asSet(rule.left()));
            governed.or(asSet(rule.right()));
        }
        return governed;
    }

    static BitSet asSet(int[] entitlements) {
        BitSet set = new BitSet();
        for (int entitlement : entitlements) {
            set.set(entitlement);
        }
        return set;
    }
}
