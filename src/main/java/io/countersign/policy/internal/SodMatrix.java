package io.countersign.policy.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.countersign.policy.EntitlementFacts;
import io.countersign.policy.IdentityFacts;
import io.countersign.policy.SodViolation;

/**
 * The separation-of-duties rules of one file, or of all files merged. Which rule sides an entitlement falls
 * on is worked out once per distinct entitlement and cached, so checking thousands of identities costs a few
 * map look-ups per held entitlement; {@code applies_when} is evaluated only for rules an identity would break.
 */
final class SodMatrix implements PolicyContent {

    /** Enough for a bank's whole entitlement catalogue; beyond it memberships are computed, not cached. */
    private static final int CACHE_LIMIT = 100_000;

    private record Membership(int rule, int side) {
    }

    private final List<SodRule> rules;
    private final Map<String, List<Membership>> byKey = new HashMap<>();
    private final List<Membership> matchedSides = new ArrayList<>();
    private final Map<EntitlementFacts, List<Membership>> memberships = new ConcurrentHashMap<>();

    SodMatrix(List<SodRule> rules) {
        this.rules = List.copyOf(rules);
        for (int r = 0; r < this.rules.size(); r++) {
            List<SodSide> sides = this.rules.get(r).sides();
            for (int s = 0; s < sides.size(); s++) {
                Membership membership = new Membership(r, s);
                sides.get(s).keys().forEach(key -> byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(membership));
                if (sides.get(s).match() != null) {
                    matchedSides.add(membership);
                }
            }
        }
    }

    static SodMatrix merge(List<SodMatrix> matrices) {
        return new SodMatrix(matrices.stream().flatMap(matrix -> matrix.rules.stream()).toList());
    }

    List<SodRule> rules() {
        return rules;
    }

    List<SodViolation> violations(IdentityFacts identity, Collection<EntitlementFacts> held) {
        Hits hits = hits(held);
        Supplier<Map<String, Object>> facts = identityFacts(identity);
        List<SodViolation> violations = new ArrayList<>();
        for (Map.Entry<Integer, List<Set<String>>> entry : hits.byRule.entrySet()) {
            SodRule rule = rules.get(entry.getKey());
            if (broken(rule, entry.getValue()) && applies(rule, facts)) {
                violations.add(violation(rule, entry.getValue()));
            }
        }
        return violations;
    }

    /** The rules that holding {@code candidate} in addition to {@code held} would break and do not already. */
    List<SodViolation> newViolations(IdentityFacts identity, Collection<EntitlementFacts> held,
            EntitlementFacts candidate) {
        if (held.stream().anyMatch(entitlement -> entitlement.key().equals(candidate.key()))) {
            return List.of();
        }
        Hits hits = hits(held);
        List<Membership> added = membershipsOf(candidate);
        Set<Integer> touched = new TreeSet<>(added.stream().map(Membership::rule).toList());
        Set<Integer> brokenBefore = new HashSet<>();
        for (int r : touched) {
            if (hits.byRule.containsKey(r) && broken(rules.get(r), hits.byRule.get(r))) {
                brokenBefore.add(r);
            }
        }
        hits.add(candidate, added);
        Supplier<Map<String, Object>> facts = identityFacts(identity);
        List<SodViolation> violations = new ArrayList<>();
        for (int r : touched) {
            SodRule rule = rules.get(r);
            if (!brokenBefore.contains(r) && broken(rule, hits.byRule.get(r)) && applies(rule, facts)) {
                violations.add(violation(rule, hits.byRule.get(r)));
            }
        }
        return violations;
    }

    private Hits hits(Collection<EntitlementFacts> held) {
        Hits hits = new Hits();
        for (EntitlementFacts entitlement : held) {
            hits.add(entitlement, membershipsOf(entitlement));
        }
        return hits;
    }

    private List<Membership> membershipsOf(EntitlementFacts entitlement) {
        List<Membership> cached = memberships.get(entitlement);
        if (cached != null) {
            return cached;
        }
        List<Membership> computed = computeMemberships(entitlement);
        if (memberships.size() < CACHE_LIMIT) {
            memberships.put(entitlement, computed);
        }
        return computed;
    }

    private List<Membership> computeMemberships(EntitlementFacts entitlement) {
        Set<Membership> found = new LinkedHashSet<>(byKey.getOrDefault(entitlement.key(), List.of()));
        if (!matchedSides.isEmpty()) {
            Map<String, Object> variables = Map.of("entitlement", Facts.entitlement(entitlement));
            for (Membership membership : matchedSides) {
                SodSide side = rules.get(membership.rule()).sides().get(membership.side());
                if (!found.contains(membership) && side.match().holds(variables)) {
                    found.add(membership);
                }
            }
        }
        return List.copyOf(found);
    }

    private static boolean broken(SodRule rule, List<Set<String>> sides) {
        return sides.stream().filter(keys -> !keys.isEmpty()).count() >= rule.minSides();
    }

    private static boolean applies(SodRule rule, Supplier<Map<String, Object>> identityFacts) {
        return rule.appliesWhen() == null || rule.appliesWhen().holds(identityFacts.get());
    }

    /** The identity's CEL variables, built on first use: most identities break no rule and never need them. */
    private static Supplier<Map<String, Object>> identityFacts(IdentityFacts identity) {
        return new Supplier<>() {
            private Map<String, Object> variables;

            @Override
            public Map<String, Object> get() {
                if (variables == null) {
                    variables = Map.of("identity", Facts.identity(identity));
                }
                return variables;
            }
        };
    }

    private static SodViolation violation(SodRule rule, List<Set<String>> sides) {
        List<List<String>> keys = sides.stream().map(side -> side.stream().sorted().toList()).toList();
        return new SodViolation(rule.id(), rule.name(), rule.severity(), keys, rule.mitigations(), rule.policy());
    }

    /** The held keys on each side of each rule touched, rules in declaration order. */
    private final class Hits {

        private final Map<Integer, List<Set<String>>> byRule = new TreeMap<>();

        void add(EntitlementFacts entitlement, List<Membership> memberships) {
            for (Membership membership : memberships) {
                byRule.computeIfAbsent(membership.rule(), r -> emptySides(rules.get(r).sides().size()))
                        .get(membership.side()).add(entitlement.key());
            }
        }
    }

    private static List<Set<String>> emptySides(int count) {
        List<Set<String>> sides = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            sides.add(new LinkedHashSet<>());
        }
        return sides;
    }
}
