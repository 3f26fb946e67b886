package io.countersign.simulator.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;

import io.countersign.directory.IdentityKind;
import io.countersign.directory.IdentityStatus;

/**
 * Dates and statuses: hire dates, contract end dates, leavers, people on leave, and the staff who moved
 * desk or title in the last two years. Also plants the leavers whose access was never removed and the
 * contractors who outstayed their contracts.
 */
final class Careers {

    private static final double LEAVER_SHARE = 0.04;
    private static final double ON_LEAVE_SHARE = 0.01;
    private static final double MOVER_SHARE = 0.03;
    /** Share of headcount planted as leavers with access, and as lapsed contractors. */
    private static final double PLANTED_SHARE = 0.0025;
    private static final double STAFF_TENURE_YEARS = 5.5;
    private static final double CONTRACTOR_TENURE_YEARS = 1.3;
    private static final double LEADER_TENURE_YEARS = 6;
    /** Tenures drawn longer than this are redrawn evenly from its last fifteen years. */
    private static final int LONGEST_TENURE_YEARS = 35;
    private static final double SAME_DESK_MOVE = 0.2;
    private static final double SAME_DIVISION_MOVE = 0.5;

    private final Catalogue catalogue;
    private final Timeline time;
    private final int historyDays;
    private final SplittableRandom random;

    Careers(Catalogue catalogue, Timeline time, int historyDays, SplittableRandom random) {
        this.catalogue = catalogue;
        this.time = time;
        this.historyDays = historyDays;
        this.random = random;
    }

    void assign(Workforce workforce, int employees) {
        workforce.people().forEach(this::hire);
        List<Person> staff = workforce.people().stream().filter(p -> p.role.level() == RoleLevel.STAFF).toList();
        List<Person> pool = Draws.shuffled(staff, random);
        int planted = Math.max(3, (int) Math.round(employees * PLANTED_SHARE));
        List<Person> leavers = take(pool, Math.max(planted + 2, (int) Math.round(employees * LEAVER_SHARE)), p -> true);
        for (int i = 0; i < leavers.size(); i++) {
            leave(leavers.get(i), i < planted);
        }
        take(pool, planted, p -> p.kind == IdentityKind.CONTRACTOR).forEach(this::lapse);
        take(pool, (int) Math.round(employees * ON_LEAVE_SHARE), p -> true)
                .forEach(p -> p.status = IdentityStatus.LEAVE);
        for (Person mover : take(pool, (int) Math.round(employees * MOVER_SHARE), p -> true)) {
            move(mover, priorRole(mover.role), workforce);
        }
    }

    /** Records that {@code person} held {@code prior} until a move between one month and two years ago. */
    void move(Person person, Role prior, Workforce workforce) {
        LocalDate moved = time.daysAgo(Draws.days(random, 30, 730));
        if (person.hireDate.isAfter(moved.minusDays(180))) {
            person.hireDate = moved.minusDays(Draws.days(random, 180, 1500));
        }
        person.priorRole = prior;
        person.priorManager = workforce.managerOn(prior.unit(), random);
        person.moveDate = moved;
    }

    private void hire(Person person) {
        double tenure = switch (person.role.level()) {
            case STAFF -> 1 + Draws.exponential(random, 365 * (person.kind == IdentityKind.CONTRACTOR
                    ? CONTRACTOR_TENURE_YEARS : STAFF_TENURE_YEARS));
            case SERVICE -> throw new IllegalStateException("services are hired by ServiceIdentities");
            // leaders were there for the whole history, so every past request has a decider
            default -> historyDays + 30 + Draws.exponential(random, 365 * LEADER_TENURE_YEARS);
        };
        if (tenure > 365 * LONGEST_TENURE_YEARS) {
            tenure = 365 * (LONGEST_TENURE_YEARS - 15) + random.nextDouble() * 365 * 15;
        }
        person.hireDate = time.daysAgo((long) tenure);
        if (person.kind == IdentityKind.CONTRACTOR) {
            person.endDate = time.asOf.plusDays(Draws.days(random, 14, 540));
        }
    }

    private void leave(Person person, boolean keepsAccess) {
        LocalDate left = time.daysAgo(keepsAccess ? Draws.days(random, 5, 60) : Draws.days(random, 1, 365));
        if (person.hireDate.isAfter(left.minusDays(30))) {
            person.hireDate = left.minusDays(Draws.days(random, 30, 900));
        }
        person.status = IdentityStatus.TERMINATED;
        person.endDate = left;
        person.leftWithAccess = keepsAccess;
    }

    private void lapse(Person contractor) {
        contractor.endDate = time.daysAgo(Draws.days(random, 3, 75));
        if (contractor.hireDate.isAfter(contractor.endDate.minusDays(60))) {
            contractor.hireDate = contractor.endDate.minusDays(Draws.days(random, 60, 700));
        }
        contractor.contractLapsed = true;
    }

    /** Where a mover came from: another title on the desk, another desk in the division, or anywhere. */
    private Role priorRole(Role current) {
        Organisation organisation = catalogue.organisation();
        Unit desk = organisation.units().get(current.unit());
        List<Unit> desks = organisation.divisions().get(desk.division()).desks();
        double draw = random.nextDouble();
        if (draw >= SAME_DESK_MOVE + SAME_DIVISION_MOVE || desks.size() == 1) {
            desks = organisation.divisions().stream().flatMap(d -> d.desks().stream()).toList();
        }
        Unit from = draw < SAME_DESK_MOVE ? desk : desks.get(random.nextInt(desks.size()));
        List<Role> roles = from.staffRoles().stream().filter(r -> r.cap() == 0 && r != current).toList();
        return roles.isEmpty() ? priorRole(current) : roles.get(random.nextInt(roles.size()));
    }

    /** Takes up to {@code count} people matching {@code eligible} off the front of the pool. */
    private static List<Person> take(List<Person> pool, int count, Predicate<Person> eligible) {
        List<Person> taken = pool.stream().filter(eligible).limit(count).toList();
        pool.removeAll(Set.copyOf(taken));
        return taken;
    }
}
