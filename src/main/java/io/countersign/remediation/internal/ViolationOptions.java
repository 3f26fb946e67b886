package io.countersign.remediation.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.countersign.ai.ReasoningRequest;
import io.countersign.directory.Assignment;
import io.countersign.directory.AssignmentSource;
import io.countersign.directory.Entitlement;
import io.countersign.directory.EntitlementId;
import io.countersign.directory.Holdings;
import io.countersign.directory.PeerStatistics;
import io.countersign.directory.PeerStatistics.PeerGroup;
import io.countersign.policy.SodViolation;
import io.countersign.remediation.SodRemediation;

/** Builds the reasoner's view of one violation: the context snapshot and one option per conflicting entitlement. */
final class ViolationOptions {

    private final Map<EntitlementId, Entitlement> byId;
    private final Map<String, Entitlement> byKey;
    private final PeerStatistics peers;
    private final Instant now;

    ViolationOptions(List<Entitlement> catalogue, PeerStatistics peers, Instant now) {
        this.byId = catalogue.stream().collect(Collectors.toMap(Entitlement::id, Function.identity()));
        this.byKey = catalogue.stream().collect(Collectors.toMap(Entitlement::key, Function.identity()));
        this.peers = peers;
        this.now = now;
    }

    Entitlement entitlement(EntitlementId id) {
        Entitlement e = byId.get(id);
        if (e == null) {
            throw new IllegalStateException("assignment of unknown entitlement " + id);
        }
        return e;
    }

    Entitlement entitlementByKey(String key) {
        Entitlement e = byKey.get(key);
        if (e == null) {
            throw new IllegalStateException("no entitlement with key " + key);
        }
        return e;
    }

    ReasoningRequest request(Holdings h, SodViolation v, List<String> pair, String sourceEvent) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("identity_id", h.identity().id().value());
        context.put("display_name", h.identity().displayName());
        context.put("title", h.hr().title());
        context.put("department", h.hr().department());
        context.put("desk", h.hr().desk());
        context.put("location", h.hr().location());
        context.put("employment_type", h.hr().employmentType().name());
        context.put("rule_id", v.ruleId());
        context.put("rule_name", v.name());
        context.put("severity", v.severity());
        context.put("mitigations", v.mitigations());
        context.put("peer_group_size", peers.groupSize(PeerGroup.of(h.hr())));
        List<Map<String, Object>> options = pair.stream().map(key -> option(h, entitlementByKey(key))).toList();
        return new ReasoningRequest("sod-remediation", SodRemediation.WORKFLOW, SodRemediation.AGENT, sourceEvent,
                "identity:" + h.identity().id().value(), context, options, List.of());
    }

    private Map<String, Object> option(Holdings h, Entitlement e) {
        Assignment a = h.assignments().stream().filter(x -> x.entitlementId().equals(e.id())).findFirst()
                .orElseThrow(() -> new IllegalStateException(h.identity().id() + " does not hold " + e.key()));
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("id", e.key());
        option.put("peer_share", peers.shareExcludingSelf(PeerGroup.of(h.hr()), e.id(), true));
        option.put("in_role_bundle", a.source() == AssignmentSource.ROLE_BUNDLE);
        option.put("prior_role", a.source() == AssignmentSource.PRIOR_ROLE);
        option.put("direct_grant", a.source() == AssignmentSource.DIRECT);
        option.put("days_since_use", a.lastUsedAt() == null ? null : Math.max(0, Duration.between(a.lastUsedAt(), now).toDays()));
        option.put("privilege", e.privilege().name());
        option.put("sensitivity", e.sensitivity().name());
        option.put("granted_at", a.grantedAt().toString());
        option.put("granted_by", a.grantedBy());
        return option;
    }
}
