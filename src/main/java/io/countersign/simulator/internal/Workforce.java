package io.countersign.simulator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.countersign.directory.IdentityKind;

/**
 * The people of the bank in a manager tree: the CEO, the division heads, one head per desk, team leads
 * for desks big enough to need them, and staff in the desk's roles. Names, locations and employment types
 * are drawn here; dates and statuses come later.
 */
final class Workforce {

    /** Staff per team lead, and the smallest desk staff that gets team leads at all. */
    private static final int TEAM_SIZE = 10;
    private static final int SMALLEST_LED_DESK = 8;
    private static final double SAME_LOCATION_AS_MANAGER = 0.75;

    private final Catalogue catalogue;
    private final SplittableRandom random;
    private final int employees;
    private final double capScale;
    private final List<Person> people = new ArrayList<>();
    private final Person[] heads;
    private final List<List<Person>> leads = new ArrayList<>();
    private final int[] roleCounts;

    Workforce(Catalogue catalogue, int employees, SplittableRandom random) {
        this.catalogue = catalogue;
        this.random = random;
        this.employees = employees;
        this.capScale = Math.max(1, Math.sqrt(employees / 2000.0));
        int units = catalogue.organisation().units().size();
        this.heads = new Person[units];
        for (int i = 0; i < units; i++) {
            leads.add(new ArrayList<>());
        }
        this.roleCounts = new int[catalogue.organisation().roles().size()];
    }

    List<Person> people() {
        return people;
    }

    Person headOf(int unit) {
        return heads[unit];
    }

    /** The head of the desk or office, or a team lead on it when there are any. */
    Person managerOn(int unit, SplittableRandom draw) {
        List<Person> teamLeads = leads.get(unit);
        return teamLeads.isEmpty() ? heads[unit] : teamLeads.get(draw.nextInt(teamLeads.size()));
    }

    Workforce build() {
        Organisation organisation = catalogue.organisation();
        Person ceo = leader(organisation.ceo(), null, organisation.ceoLocation());
        for (Division division : organisation.divisions()) {
            leader(division.office().head(), ceo, division.locations().first());
        }
        for (Division division : organisation.divisions()) {
            for (Unit desk : division.desks()) {
                leader(desk.head(), heads[division.office().index()], division.locations().pick(random));
            }
        }
        List<Unit> desks = organisation.divisions().stream().flatMap(d -> d.desks().stream()).toList();
        int[] staff = Apportion.largestRemainder(employees - people.size(), deskWeights(organisation, desks));
        for (int i = 0; i < desks.size(); i++) {
            staffDesk(desks.get(i), staff[i]);
        }
        return this;
    }

    private static double[] deskWeights(Organisation organisation, List<Unit> desks) {
        double[] weights = new double[desks.size()];
        for (int i = 0; i < weights.length; i++) {
            Division division = organisation.divisions().get(desks.get(i).division());
            double total = division.desks().stream().mapToDouble(Unit::weight).sum();
            weights[i] = division.weight() * desks.get(i).weight() / total;
        }
        return weights;
    }

    private void staffDesk(Unit desk, int count) {
        Division division = catalogue.organisation().divisions().get(desk.division());
        Person head = heads[desk.index()];
        int teamLeads = count >= SMALLEST_LED_DESK ? (count + TEAM_SIZE - 1) / TEAM_SIZE : 0;
        for (int i = 0; i < teamLeads; i++) {
            leads.get(desk.index()).add(leader(desk.lead(), head, division.locations().pick(random)));
        }
        int members = count - teamLeads;
        for (int i = 0; i < members; i++) {
            Person manager = teamLeads == 0 ? head : leads.get(desk.index()).get(i * teamLeads / members);
            IdentityKind kind = random.nextDouble() < division.contractorShare() ? IdentityKind.CONTRACTOR
                    : IdentityKind.EMPLOYEE;
            Person person = add(staffRole(desk), manager, kind);
            person.location = random.nextDouble() < SAME_LOCATION_AS_MANAGER ? manager.location
                    : division.locations().pick(random);
        }
    }

    private Person leader(Role role, Person manager, String location) {
        Person person = add(role, manager, IdentityKind.EMPLOYEE);
        person.location = location;
        if (role.level() != RoleLevel.TEAM_LEAD) {
            heads[role.unit()] = person;
        }
        return person;
    }

    private Person add(Role role, Person manager, IdentityKind kind) {
        List<String> first = catalogue.firstNames();
        List<String> last = catalogue.lastNames();
        Person person = new Person(people.size(), role, manager, first.get(random.nextInt(first.size())),
                last.get(random.nextInt(last.size())), kind);
        people.add(person);
        roleCounts[role.index()]++;
        return person;
    }

    /** A staff role drawn by weight, skipping roles that reached their cap. */
    private Role staffRole(Unit desk) {
        List<Role> roles = desk.staffRoles();
        double[] weights = new double[roles.size()];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            Role role = roles.get(i);
            boolean full = role.cap() > 0 && roleCounts[role.index()] >= Math.round(role.cap() * capScale);
            weights[i] = full ? 0 : role.weight();
            total += weights[i];
        }
        if (total == 0) {
            return roles.getFirst();
        }
        double point = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            point -= weights[i];
            if (point < 0) {
                return roles.get(i);
            }
        }
        return roles.getLast();
    }
}
