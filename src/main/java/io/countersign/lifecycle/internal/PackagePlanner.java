package io.countersign.lifecycle.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.countersign.connectors.compliance.ComplianceApi;
import io.countersign.connectors.compliance.ComplianceCheck;
import io.countersign.directory.Assignment;
import io.countersign.directory.Directory;
import io.countersign.directory.Entitlement;
import io.countersign.directory.HrRecord;
import io.countersign.directory.Identity;
import io.countersign.directory.IdentityId;
import io.countersign.directory.IdentityKind;
import io.countersign.directory.PrivilegeLevel;
import io.countersign.lifecycle.AccessPackage;
import io.countersign.lifecycle.Lifecycle;
import io.countersign.lifecycle.LifecycleException;
import io.countersign.policy.BaselineMatch;
import io.countersign.policy.DirectoryFacts;
import io.countersign.policy.EntitlementFacts;
import io.countersign.policy.IdentityFacts;
import io.countersign.policy.PolicyEngine;
import io.countersign.policy.RiskAssessment;
import io.countersign.policy.Route;
import io.countersign.policy.SodViolation;

/**
 * Works out an access package: the role baselines that apply, the entitlements held by enough peers (same title, desk
 * and location), SoD across everything held and proposed, the compliance API's flags, and each item's risk tier and
 * route. Pure reading: it writes nothing.
 */
final class PackagePlanner {

    /** One proposed grant, with how it is routed. */
    record Grant(Entitlement entitlement, RiskAssessment risk, String route, List<SodViolation> conflicts, String justification,
                 double support, boolean baseline) { }

    record Plan(AccessPackage draft, List<Grant> grants, List<Entitlement> removals, List<String> rulesApplied,
                Map<String, Object> context, List<Map<String, Object>> options) { }

    private final Directory directory;
    private final PolicyEngine policy;
    private final ComplianceApi compliance;
    private final LifecycleProperties properties;

    PackagePlanner(Directory directory, PolicyEngine policy, ComplianceApi compliance, LifecycleProperties properties) {
        this.directory = directory;
        this.policy = policy;
        this.compliance = compliance;
        this.properties = properties;
    }

    Plan plan(String caseId, String workflow, Identity identity, HrRecord hr) {
        IdentityFacts facts = DirectoryFacts.identity(identity, hr);
        List<Assignment> held = directory.assignmentsOf(identity.id());
        Map<String, Entitlement> heldByKey = new LinkedHashMap<>();
        held.forEach(a -> directory.entitlement(a.entitlementId()).ifPresent(e -> heldByKey.put(e.key(), e)));
        List<String> rules = new ArrayList<>();
        Map<String, String> baselineOf = new LinkedHashMap<>();
        for (BaselineMatch match : policy.baselines(facts)) {
            rules.add(match.baselineId());
            match.grants().forEach(key -> baselineOf.putIfAbsent(key, match.baselineId()));
        }
        Peers peers = peers(identity.id(), hr);
        if (peers.size() > 0) {
            rules.add(String.format(Locale.ROOT, "peer_share>=%.2f", properties.peerShare()));
        }
        Set<String> wanted = new LinkedHashSet<>(baselineOf.keySet());
        peers.shares().forEach((key, share) -> {
            if (share >= properties.peerShare()) {
                wanted.add(key);
            }
        });
        List<Entitlement> proposed = wanted.stream().filter(k -> !heldByKey.containsKey(k)).map(directory::entitlementByKey)
                .flatMap(Optional::stream).toList();
        List<Entitlement> removals = Lifecycle.MOVER.equals(workflow)
                ? heldByKey.values().stream().filter(e -> !wanted.contains(e.key())).toList() : List.of();
        ComplianceCheck check = compliance.check(identity.employeeId(), hr.title(), hr.department(), hr.location());
        List<Grant> grants = new ArrayList<>();
        for (Entitlement e : proposed) {
            grants.add(grant(workflow, e, facts, hr, heldByKey.values(), proposed, baselineOf, peers, check, rules));
        }
        return assemble(caseId, workflow, identity, hr, grants, removals, heldByKey, facts, check, rules, peers);
    }

    private Grant grant(String workflow, Entitlement e, IdentityFacts facts, HrRecord hr, Collection<Entitlement> held, List<Entitlement> proposed,
                        Map<String, String> baselineOf, Peers peers, ComplianceCheck check, List<String> rules) {
        List<EntitlementFacts> others = new ArrayList<>(held.stream().map(DirectoryFacts::entitlement).toList());
        proposed.stream().filter(p -> !p.equals(e)).map(DirectoryFacts::entitlement).forEach(others::add);
        List<SodViolation> conflicts = policy.conflictsIfGranted(facts, others, DirectoryFacts.entitlement(e));
        conflicts.forEach(v -> addOnce(rules, v.ruleId()));
        boolean mitigable = conflicts.stream().allMatch(v -> !v.mitigations().isEmpty());
        Map<String, Object> item = new HashMap<>();
        item.put("workflow", workflow);
        item.put("action", "grant");
        item.put("sod_mitigation", !conflicts.isEmpty());
        item.put("direct_market_access", properties.directMarketAccess().contains(e.key()));
        item.put("contractor", hr.employmentType() == IdentityKind.CONTRACTOR);
        RiskAssessment risk = policy.riskTier(DirectoryFacts.entitlement(e), item);
        addOnce(rules, "risk_tier:" + risk.tierId());
        String route = route(conflicts, risk, check);
        if (route.equals("compliance_officer") && risk.route() != Route.COMPLIANCE_OFFICER) {
            risk = new RiskAssessment(risk.tierId(), Route.COMPLIANCE_OFFICER, risk.approvalsRequired(), risk.expiresAfter(), risk.policy());
        }
        double share = peers.shares().getOrDefault(e.key(), 0.0);
        boolean baseline = baselineOf.containsKey(e.key());
        String justification = (baseline ? "role baseline " + baselineOf.get(e.key()) : "")
                + (baseline && share > 0 ? "; " : "")
                + (share > 0 ? String.format(Locale.ROOT, "held by %d of %d peers (%.0f%%)", Math.round(share * peers.size()), peers.size(), share * 100) : "")
                + (conflicts.isEmpty() ? "" : "; SoD " + conflicts.stream().map(SodViolation::ruleId).toList()
                        + (mitigable ? " with mitigation " + conflicts.getFirst().mitigations() : " without mitigation: blocked"));
        return new Grant(e, risk, route, conflicts, justification, baseline ? 1.0 : share, baseline);
    }

    /**
     * Where a proposed grant goes: blocked when it would break an SoD rule that names no mitigation; to the chief compliance
     * officer when it would break one that does, when its risk tier says so, or when the compliance API could not be asked;
     * otherwise to the desk head.
     */
    static String route(List<SodViolation> conflicts, RiskAssessment risk, ComplianceCheck check) {
        if (conflicts.stream().anyMatch(v -> v.mitigations().isEmpty())) {
            return "blocked";
        }
        boolean compliance = !conflicts.isEmpty() || risk.route() == Route.COMPLIANCE_OFFICER || check instanceof ComplianceCheck.Unavailable;
        return compliance ? "compliance_officer" : "desk_head";
    }

    private Plan assemble(String caseId, String workflow, Identity identity, HrRecord hr, List<Grant> grants, List<Entitlement> removals,
                          Map<String, Entitlement> heldByKey, IdentityFacts facts, ComplianceCheck check, List<String> rules, Peers peers) {
        List<EntitlementFacts> after = new ArrayList<>();
        heldByKey.values().stream().filter(e -> !removals.contains(e)).map(DirectoryFacts::entitlement).forEach(after::add);
        grants.stream().filter(g -> !g.route().equals("blocked")).map(g -> DirectoryFacts.entitlement(g.entitlement())).forEach(after::add);
        List<String> sodAfter = policy.sodViolations(facts, after).stream().map(SodViolation::ruleId).toList();
        List<String> flags = check instanceof ComplianceCheck.Flags f ? f.flags() : List.of();
        String unavailable = check instanceof ComplianceCheck.Unavailable u ? u.reason() : null;
        String supervisor = hr.managerId() == null ? null
                : directory.identity(hr.managerId()).map(Identity::employeeId).orElse(hr.managerId().value());
        AccessPackage.User user = new AccessPackage.User(identity.employeeId(), identity.id().value(), identity.displayName(), hr.title(),
                hr.department(), hr.desk(), hr.location(), supervisor);
        List<AccessPackage.Item> items = grants.stream().map(g -> new AccessPackage.Item(g.entitlement().system(), g.entitlement().permission(),
                g.route().equals("desk_head") ? "standard" : "high", g.risk().tierId(), g.route(), g.justification(),
                g.conflicts().stream().map(SodViolation::ruleId).toList())).toList();
        AccessPackage draft = new AccessPackage(caseId, workflow, user, items, flags, unavailable == null, unavailable,
                removals.stream().map(Entitlement::key).toList(), sodAfter, null);
        List<Map<String, Object>> options = grants.stream().map(g -> Map.<String, Object>of("id", g.entitlement().key(), "support", g.support(),
                "sod_conflict", g.conflicts().isEmpty() ? 0 : 1, "privileged", g.entitlement().privilege() == PrivilegeLevel.PRIVILEGED ? 1 : 0))
                .toList();
        long pending = flags.stream().filter(f -> f.endsWith(" pending") || f.endsWith(" missing")).count();
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("name", identity.displayName());
        context.put("role", hr.title());
        context.put("desk", hr.desk());
        context.put("location", hr.location());
        context.put("count", grants.size());
        context.put("baseline_count", grants.stream().filter(Grant::baseline).count());
        context.put("peer_count", grants.stream().filter(g -> !g.baseline()).count());
        context.put("peer_share_pct", String.format(Locale.ROOT, "%.0f%%", properties.peerShare() * 100));
        context.put("peers", peers.size());
        context.put("flags", unavailable != null ? "unavailable (" + unavailable + ")" : flags.isEmpty() ? "none" : String.join(", ", flags));
        context.put("sod", grants.stream().anyMatch(g -> !g.conflicts().isEmpty())
                ? "conflicts " + grants.stream().flatMap(g -> g.conflicts().stream()).map(SodViolation::ruleId).distinct().toList() : "no conflict");
        context.put("flags_available", unavailable == null);
        context.put("registrations_pending", pending);
        context.put("access_package", draft.toJson());
        return new Plan(draft, grants, removals, rules, context, options);
    }

    /** The risk assessment of a planned item, routed as the package says (an item the package sends to compliance goes there). */
    RiskAssessment risk(String key, String workflow, AccessPackage.Item planned) {
        Entitlement e = directory.entitlementByKey(key).orElseThrow(() -> new LifecycleException("lifecycle.unknown-entitlement", "no entitlement " + key + " in the catalogue"));
        Map<String, Object> item = new HashMap<>();
        item.put("workflow", workflow);
        item.put("action", "grant");
        item.put("sod_mitigation", !planned.sodConflicts().isEmpty());
        item.put("direct_market_access", properties.directMarketAccess().contains(key));
        RiskAssessment risk = policy.riskTier(DirectoryFacts.entitlement(e), item);
        Route route = planned.route().equals("compliance_officer") ? Route.COMPLIANCE_OFFICER : Route.DESK_HEAD;
        return route == risk.route() ? risk : new RiskAssessment(risk.tierId(), route, risk.approvalsRequired(), risk.expiresAfter(), risk.policy());
    }

    String entitlementId(String key) {
        return directory.entitlementByKey(key).map(e -> e.id().value()).orElse(null);
    }

    private static void addOnce(List<String> list, String value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }

    /** Peers of the same title, desk and location (active, the person left out) and the share of them holding each entitlement key. */
    record Peers(int size, Map<String, Double> shares) { }

    private Peers peers(IdentityId self, HrRecord hr) {
        List<IdentityId> peers = directory.withTitle(hr.title()).stream().filter(id -> !id.equals(self))
                .filter(id -> directory.hrRecord(id).filter(p -> p.desk().equals(hr.desk()) && p.location().equals(hr.location())).isPresent())
                .toList();
        Map<String, Integer> holders = new HashMap<>();
        Map<String, String> keys = new HashMap<>();
        for (IdentityId peer : peers) {
            for (Assignment a : directory.assignmentsOf(peer)) {
                String key = keys.computeIfAbsent(a.entitlementId().value(),
                        id -> directory.entitlement(a.entitlementId()).map(Entitlement::key).orElse(id));
                holders.merge(key, 1, Integer::sum);
            }
        }
        Map<String, Double> shares = new LinkedHashMap<>();
        holders.forEach((key, n) -> shares.put(key, n / (double) peers.size()));
        return new Peers(peers.size(), shares);
    }
}
