package io.countersign.simulator.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import io.countersign.directory.EntitlementId;
import io.countersign.directory.PastAccessRequest;
import io.countersign.directory.PrivilegeLevel;
import io.countersign.directory.RequestOutcome;
import io.countersign.directory.Sensitivity;

/**
 * The access requests of the last {@code days} days, one per employee every twelve days on average, in
 * time order. A requester asks mostly for what peers in the same role commonly hold, sometimes for the
 * access of another role on the desk, and sometimes for anything at all. Requests for standard access are
 * decided by the line manager, the rest by the desk head, and {@link ApprovalPolicy} decides. Attributes
 * are those of the requester's role when the request was made, so a mover's early requests show the old desk.
 */
final class RequestHistory {

    private static final int DAYS_PER_REQUEST = 12;
    private static final double PEER_SHARE = 0.62;
    private static final double NEIGHBOUR_SHARE = 0.2;
    private static final int ATTEMPTS = 8;
    private static final double MEDIAN_DECISION_HOURS = 5;
    private static final long QUICKEST_DECISION_SECONDS = 240;
    /** Requests are made at least this long before today, and decided before it. */
    private static final long MARGIN_SECONDS = 120;

    private final Catalogue catalogue;
    private final Workforce workforce;
    private final Timeline time;
    private final SplittableRandom random;
    private final int[] requestable;
    private final EntitlementId[] entitlementIds;

    RequestHistory(Catalogue catalogue, Workforce workforce, Timeline time, SplittableRandom random) {
        this.catalogue = catalogue;
        this.workforce = workforce;
        this.time = time;
        this.random = random;
        List<EntitlementDef> entitlements = catalogue.entitlements();
        this.requestable = entitlements.stream()
                .filter(e -> Arrays.stream(catalogue.baseline()).noneMatch(b -> b == e.index()))
                .mapToInt(EntitlementDef::index).toArray();
        this.entitlementIds = entitlements.stream().map(e -> SnapshotIds.entitlement(e.index()))
                .toArray(EntitlementId[]::new);
    }

    List<PastAccessRequest> generate(List<Person> everyone, int employees, int days) {
        PeerTable peers = PeerTable.of(everyone, catalogue.organisation().roles().size(),
                catalogue.entitlements().size());
        ApprovalPolicy policy = new ApprovalPolicy(catalogue, peers, everyone.size(), random);
        List<Person> requesters = everyone.stream()
                .filter(p -> !p.service() && p.role.level() != RoleLevel.CEO)
                .filter(p -> p.leftAt(time.now).isAfter(time.historyStart))
                .toList();
        int count = (int) Math.round((double) employees * days / DAYS_PER_REQUEST);
        long[] moments = random.longs(count, time.historyStart.getEpochSecond(),
                time.now.getEpochSecond() - MARGIN_SECONDS).toArray();
        Arrays.sort(moments);
        List<PastAccessRequest> history = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = SnapshotIds.padded("req-", i + 1, 7);
            history.add(request(id, Instant.ofEpochSecond(moments[i]), requesters, policy));
        }
        return history;
    }

    private PastAccessRequest request(String id, Instant at, List<Person> requesters, ApprovalPolicy policy) {
        Person requester = requesterAt(at, requesters);
        Role role = requester.roleAt(at);
        Person manager = requester.managerAt(at);
        int entitlement = entitlementFor(role);
        Person decider = decider(requester, role, manager, entitlement);
        RequestOutcome outcome = policy.approves(requester, role, entitlement, decider, random)
                ? RequestOutcome.APPROVED : RequestOutcome.DENIED;
        return new PastAccessRequest(id, requester.id, entitlementIds[entitlement], at, at.plus(decisionTime(at)),
                decider.id.value(), outcome, manager.id.value(), role.department(), role.desk(), role.title(),
                requester.location, role.costCentre(), requester.kind);
    }

    /** Someone at work at that moment. Leaders were there for the whole history and never left, so the search ends. */
    private Person requesterAt(Instant at, List<Person> requesters) {
        Person requester;
        do {
            requester = requesters.get(random.nextInt(requesters.size()));
        } while (at.isBefore(requester.startedAt()) || !at.isBefore(requester.leftAt(time.now)));
        return requester;
    }

    /** Mostly hours, sometimes days (log-normal around five hours), and always decided before today. */
    private Duration decisionTime(Instant requestedAt) {
        double hours = MEDIAN_DECISION_HOURS * StrictMath.exp(1.1 * Draws.normal(random));
        long drawn = Math.max(QUICKEST_DECISION_SECONDS, (long) (hours * 3600));
        long latest = Duration.between(requestedAt, time.now).toSeconds() - MARGIN_SECONDS / 2;
        return Duration.ofSeconds(Math.min(drawn, latest));
    }

    private int entitlementFor(Role role) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int candidate = candidate(role);
            if (!role.holds(candidate)) {
                return candidate;
            }
        }
        int candidate = requestable[random.nextInt(requestable.length)];
        while (role.holds(candidate)) {
            candidate = requestable[random.nextInt(requestable.length)];
        }
        return candidate;
    }

    private int candidate(Role role) {
        double draw = random.nextDouble();
        int[] requests = role.requests();
        if (draw < PEER_SHARE && requests.length > 0) {
            return requests[random.nextInt(requests.length)];
        }
        if (draw < PEER_SHARE + NEIGHBOUR_SHARE) {
            Unit unit = catalogue.organisation().units().get(role.unit());
            List<Role> neighbours = unit.desk() ? unit.staffRoles() : List.of(unit.head());
            int[] bundle = neighbours.get(random.nextInt(neighbours.size())).bundle();
            return bundle[random.nextInt(bundle.length)];
        }
        return requestable[random.nextInt(requestable.length)];
    }

    /** The line manager for standard access, the desk head for anything elevated or restricted; never the requester. */
    private Person decider(Person requester, Role role, Person manager, int entitlement) {
        EntitlementDef requested = catalogue.entitlement(entitlement);
        boolean sensitive = requested.privilege() != PrivilegeLevel.STANDARD
                || requested.sensitivity() == Sensitivity.RESTRICTED;
        Person head = workforce.headOf(role.unit());
        return sensitive && head != requester ? head : manager;
    }
}
