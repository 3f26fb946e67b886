package io.countersign.simulator.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;

import io.countersign.directory.AssignmentSource;
import io.countersign.directory.IdentityStatus;

/**
 * Plants the separation-of-duties conflicts: about 0.5% of headcount, at least three, taking the planned
 * conflicts in turn so they spread over the rules. Most are movers who kept an entitlement of their old
 * role; the rest are direct grants. Nothing else in the bank may break a rule.
 */
final class ConflictPlanter {

    private static final double SHARE = 0.005;
    private static final int AT_LEAST = 3;

    private final Catalogue catalogue;
    private final Careers careers;
    private final SplittableRandom random;

    ConflictPlanter(Catalogue catalogue, Careers careers, SplittableRandom random) {
        this.catalogue = catalogue;
        this.careers = careers;
        this.random = random;
    }

    void plant(Workforce workforce, int employees) {
        int wanted = Math.max(AT_LEAST, (int) Math.round(employees * SHARE));
        List<Deque<Person>> candidates = new ArrayList<>();
        for (ConflictPlan plan : catalogue.plans()) {
            candidates.add(candidates(plan, workforce.people()));
        }
        int planted = 0;
        boolean progress = true;
        while (planted < wanted && progress) {
            progress = false;
            for (int i = 0; i < candidates.size() && planted < wanted; i++) {
                Person person = next(candidates.get(i));
                if (person != null) {
                    apply(catalogue.plans().get(i), person, workforce);
                    planted++;
                    progress = true;
                }
            }
        }
    }

    /** The people the plan could be planted on, those on its preferred desks first, each group shuffled. */
    private Deque<Person> candidates(ConflictPlan plan, List<Person> people) {
        List<Person> preferred = new ArrayList<>();
        List<Person> others = new ArrayList<>();
        for (Person person : people) {
            if (fits(plan, person)) {
                (plan.preferredUnits().contains(person.role.unit()) ? preferred : others).add(person);
            }
        }
        Deque<Person> queue = new ArrayDeque<>(Draws.shuffled(preferred, random));
        queue.addAll(Draws.shuffled(others, random));
        return queue;
    }

    /** Whether the person's role holds the other side of the plan's rule, and a move or grant would be plausible. */
    private static boolean fits(ConflictPlan plan, Person person) {
        RoleLevel level = person.role.level();
        if (level == RoleLevel.CEO || (plan.moved() && level != RoleLevel.STAFF)) {
            return false;
        }
        for (int other : plan.rule().opposite(plan.entitlement())) {
            if (person.role.holds(other)) {
                return true;
            }
        }
        return false;
    }

    /** The next candidate still free: active, not moved, and not already planted or lapsed. */
    private static Person next(Deque<Person> candidates) {
        while (!candidates.isEmpty()) {
            Person person = candidates.poll();
            boolean free = person.status == IdentityStatus.ACTIVE && !person.moved() && !person.contractLapsed
                    && person.plantedEntitlement < 0;
            if (free) {
                return person;
            }
        }
        return null;
    }

    private void apply(ConflictPlan plan, Person person, Workforce workforce) {
        if (plan.moved()) {
            careers.move(person, plan.movedFrom(), workforce);
        }
        person.plantedEntitlement = plan.entitlement();
        person.plantedSource = plan.moved() ? AssignmentSource.PRIOR_ROLE : AssignmentSource.DIRECT;
    }
}
