package io.countersign.simulator.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

import io.countersign.directory.AccountStatus;
import io.countersign.directory.AssignmentSource;
import io.countersign.directory.PrivilegeLevel;
import io.countersign.directory.Sensitivity;

/**
 * Accounts and assignments. Everyone with access gets their role bundle (baseline at hire, the rest when
 * they took up the role), some of the extras their peers commonly request, and now and then a direct grant
 * of something unremarkable; movers keep a few entitlements of their old role. Anything that would break a
 * separation-of-duties rule is skipped, except the planted conflicts. Leavers whose leaver process ran
 * keep only disabled accounts. Access older than the governance tool shows as loaded by its migration.
 */
final class Provisioning {

    private static final String MIGRATION = "migration";
    private static final String JOINER = "joiner-workflow";
    private static final String MOVER = "mover-workflow";
    private static final double DIRECT_GRANT_SHARE = 0.03;
    private static final int MOST_LEFTOVERS = 3;
    private static final Duration RECENT = Duration.ofDays(45);
    private static final Duration LAST_WEEKS = Duration.ofDays(20);

    private final Catalogue catalogue;
    private final Timeline time;
    private final SplittableRandom random;
    private final List<Person> administrators;
    private final BitSet baseline;
    /** Per role, per requestable extra: the share of the role's people who hold it. */
    private final double[][] requestShares;
    private final int[] directGrantable;

    Provisioning(Catalogue catalogue, Timeline time, SplittableRandom random, List<Person> administrators) {
        this.catalogue = catalogue;
        this.time = time;
        this.random = random;
        this.administrators = administrators;
        this.baseline = SodRules.asSet(catalogue.baseline());
        this.requestShares = new double[catalogue.organisation().roles().size()][];
        for (Role role : catalogue.organisation().roles()) {
            requestShares[role.index()] = random.doubles(role.requests().length, 0.3, 0.8).toArray();
        }
        BitSet governed = catalogue.sod().governed();
        this.directGrantable = catalogue.entitlements().stream()
                .filter(e -> e.privilege() != PrivilegeLevel.PRIVILEGED && e.sensitivity() != Sensitivity.RESTRICTED
                        && !baseline.get(e.index()) && !governed.get(e.index()))
                .mapToInt(EntitlementDef::index).toArray();
    }

    void provision(List<Person> everyone) {
        for (Person person : everyone) {
            if (person.service()) {
                serviceGrants(person);
            } else if (person.hasAccess()) {
                Instant hired = time.during(person.hireDate, random);
                Instant inRole = person.moved() ? time.during(person.moveDate, random) : hired;
                bundle(person, hired, inRole);
                planted(person, hired, inRole);
                leftovers(person, hired, inRole);
                requests(person, inRole);
                directGrant(person, hired);
            } else {
                disabledAccounts(person);
            }
        }
    }

    /** Stretches every account's creation and last login over the use of what is held through it. */
    void settleAccounts(List<Person> everyone) {
        for (Person person : everyone) {
            for (Grant grant : person.grants) {
                grant.account.cover(grant.grantedAt, grant.lastUsedAt);
            }
        }
    }

    private void bundle(Person person, Instant hired, Instant inRole) {
        for (int entitlement : person.role.bundle()) {
            boolean base = baseline.get(entitlement);
            Instant at = base ? hired : inRole;
            String workflow = person.moved() && !base ? MOVER : JOINER;
            grant(person, entitlement, AssignmentSource.ROLE_BUNDLE, at, workflow);
        }
    }

    private void planted(Person person, Instant hired, Instant inRole) {
        if (person.plantedEntitlement < 0) {
            return;
        }
        if (person.plantedSource == AssignmentSource.PRIOR_ROLE) {
            grant(person, person.plantedEntitlement, AssignmentSource.PRIOR_ROLE, time.between(hired, inRole, random),
                    person.priorManager.id.value());
        } else {
            grant(person, person.plantedEntitlement, AssignmentSource.DIRECT,
                    time.between(inRole, person.leftAt(time.now), random), administrator());
        }
    }

    private void leftovers(Person person, Instant hired, Instant inRole) {
        if (!person.moved() || person.plantedEntitlement >= 0) {
            return;
        }
        List<Integer> candidates = new ArrayList<>();
        for (int entitlement : person.priorRole.bundle()) {
            if (!person.held.get(entitlement)) {
                candidates.add(entitlement);
            }
        }
        int kept = Math.min(candidates.size(), 1 + random.nextInt(MOST_LEFTOVERS));
        for (int entitlement : Draws.shuffled(candidates, random).subList(0, kept)) {
            if (allowed(person, entitlement)) {
                grant(person, entitlement, AssignmentSource.PRIOR_ROLE, time.between(hired, inRole, random),
                        person.priorManager.id.value());
            }
        }
    }

    private void requests(Person person, Instant inRole) {
        int[] requests = person.role.requests();
        double[] shares = requestShares[person.role.index()];
        for (int i = 0; i < requests.length; i++) {
            if (random.nextDouble() < shares[i] && allowed(person, requests[i])) {
                grant(person, requests[i], AssignmentSource.REQUEST,
                        time.between(inRole, person.leftAt(time.now), random), person.manager.id.value());
            }
        }
    }

    private void directGrant(Person person, Instant hired) {
        if (random.nextDouble() < DIRECT_GRANT_SHARE) {
            int entitlement = directGrantable[random.nextInt(directGrantable.length)];
            if (allowed(person, entitlement)) {
                grant(person, entitlement, AssignmentSource.DIRECT,
                        time.between(hired, person.leftAt(time.now), random), administrator());
            }
        }
    }

    private void serviceGrants(Person service) {
        for (int entitlement : service.role.bundle()) {
            grant(service, entitlement, AssignmentSource.DIRECT, time.during(service.hireDate, random),
                    service.manager.id.value());
        }
    }

    private boolean allowed(Person person, int entitlement) {
        return !person.held.get(entitlement) && !catalogue.sod().conflicts(person.held, entitlement);
    }

    private void grant(Person person, int entitlement, AssignmentSource source, Instant when, String grantedBy) {
        EntitlementDef definition = catalogue.entitlement(entitlement);
        Instant at = time.recorded(when, random);
        AccountDraft account = account(person, definition.platform(), AccountStatus.ACTIVE, at);
        String by = when.isBefore(time.governanceStart) ? MIGRATION : grantedBy;
        Grant grant = new Grant(person, entitlement, source, at, by, account);
        grant.lastUsedAt = recentUse(person, at);
        person.grants.add(grant);
        person.held.set(entitlement);
        if (definition.grouped()) {
            account.groups.add(entitlement);
        }
    }

    /** A use in the last weeks the person has been at work, never before the grant. */
    private Instant recentUse(Person person, Instant grantedAt) {
        Instant until = person.leftAt(time.now);
        Instant from = Timeline.latest(grantedAt, until.minus(person.leftWithAccess ? LAST_WEEKS : RECENT));
        return time.between(from, until, random);
    }

    private void disabledAccounts(Person person) {
        Instant hired = time.recorded(time.during(person.hireDate, random), random);
        Instant left = person.leftAt(time.now);
        for (int entitlement : person.role.bundle()) {
            Platform platform = catalogue.entitlement(entitlement).platform();
            if (person.accounts[platform.ordinal()] == null) {
                AccountDraft account = account(person, platform, AccountStatus.DISABLED, hired);
                Instant lastLogin = time.between(left.minus(Duration.ofDays(3)), left, random);
                account.lastLoginAt = Timeline.latest(hired, lastLogin);
            }
        }
    }

    private AccountDraft account(Person person, Platform platform, AccountStatus status, Instant createdAt) {
        AccountDraft account = person.accounts[platform.ordinal()];
        if (account == null) {
            account = new AccountDraft(person, platform, Naming.login(person, platform), status, createdAt);
            person.accounts[platform.ordinal()] = account;
        }
        return account;
    }

    private String administrator() {
        return administrators.get(random.nextInt(administrators.size())).id.value();
    }
}
