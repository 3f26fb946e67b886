package io.countersign.simulator.internal;

import java.util.BitSet;
import java.util.List;
import java.util.random.RandomGenerator;

import io.countersign.directory.IdentityKind;
import io.countersign.directory.Sensitivity;

/**
 * The hidden policy that decided the past access requests, which an approval model should learn back.
 * Requests for what the requester's peers already hold are approved far more often; elevated, privileged
 * and restricted entitlements are denied more, restricted ones to contractors even more; access owned by
 * the requester's own division is easier to get; anything conflicting with the requester's role bundle is
 * mostly refused; some deciders are much stricter than others. On top of the randomness of each decision,
 * a few labels are flipped, as real records hold mistakes.
 */
final class ApprovalPolicy {

    private static final double BASE = 3.2;
    private static final double PEER_WEIGHT = 3.5;
    private static final double PEER_PIVOT = 0.25;
    private static final double[] PRIVILEGE_PENALTY = {0, 0.8, 1.9};
    private static final double[] SENSITIVITY_PENALTY = {-0.3, 0, 0.2, 0.7};
    private static final double CONTRACTOR_RESTRICTED_PENALTY = 1.5;
    private static final double OWN_DIVISION_BONUS = 0.5;
    private static final double CONFLICT_PENALTY = 2.5;
    private static final double STRICT_SHARE = 0.12;
    private static final double STRICT_PENALTY = 1.3;
    private static final double DECIDER_SPREAD = 0.35;
    private static final double LABEL_NOISE = 0.04;

    private final Catalogue catalogue;
    private final PeerTable peers;
    private final int[] ownerDivision;
    private final BitSet[] bundles;
    private final double[] leniency;

    ApprovalPolicy(Catalogue catalogue, PeerTable peers, int people, RandomGenerator random) {
        this.catalogue = catalogue;
        this.peers = peers;
        Organisation organisation = catalogue.organisation();
        this.ownerDivision = catalogue.entitlements().stream()
                .mapToInt(e -> organisation.unit(e.application().owner()).division()).toArray();
        List<Role> roles = organisation.roles();
        this.bundles = roles.stream().map(role -> SodRules.asSet(role.bundle())).toArray(BitSet[]::new);
        this.leniency = new double[people];
        for (int i = 0; i < people; i++) {
            leniency[i] = random.nextDouble() < STRICT_SHARE ? -STRICT_PENALTY : DECIDER_SPREAD * Draws.normal(random);
        }
    }

    boolean approves(Person requester, Role role, int entitlement, Person decider, RandomGenerator random) {
        boolean approved = random.nextDouble() < Draws.logistic(logit(requester, role, entitlement, decider));
        return random.nextDouble() < LABEL_NOISE ? !approved : approved;
    }

    private double logit(Person requester, Role role, int entitlement, Person decider) {
        EntitlementDef requested = catalogue.entitlement(entitlement);
        Sensitivity sensitivity = requested.sensitivity();
        double logit = BASE + PEER_WEIGHT * (peers.prevalence(role, entitlement) - PEER_PIVOT)
                - PRIVILEGE_PENALTY[requested.privilege().ordinal()]
                - SENSITIVITY_PENALTY[sensitivity.ordinal()]
                + leniency[decider.index];
        if (requester.kind == IdentityKind.CONTRACTOR && sensitivity == Sensitivity.RESTRICTED) {
            logit -= CONTRACTOR_RESTRICTED_PENALTY;
        }
        if (ownerDivision[entitlement] == catalogue.organisation().units().get(role.unit()).division()) {
            logit += OWN_DIVISION_BONUS;
        }
        if (catalogue.sod().conflicts(bundles[role.index()], entitlement)) {
            logit -= CONFLICT_PENALTY;
        }
        return logit;
    }
}
