package io.countersign.simulator.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import io.countersign.directory.AssignmentSource;
import io.countersign.simulator.PlantedMess;

/**
 * Plants dormant access: about 5% of all assignments go unused for more than 90 days or were never used,
 * movers' leftovers far more often than the rest. Only assignments granted over four months ago qualify,
 * and never those of services or of leavers whose access was left behind, so every other assignment was
 * used recently and the planted list is exactly what a 90-day rule finds.
 */
final class Dormancy {

    private static final double SHARE = 0.05;
    private static final double LEFTOVER_SHARE = 0.35;
    private static final double NEVER_USED = 0.3;
    private static final Duration OLD_ENOUGH = Duration.ofDays(120);
    private static final Duration UNUSED_AT_LEAST = Duration.ofDays(PlantedMess.DORMANT_AFTER_DAYS + 5);

    private final Timeline time;
    private final SplittableRandom random;

    Dormancy(Timeline time, SplittableRandom random) {
        this.time = time;
        this.random = random;
    }

    void apply(List<Person> everyone) {
        int total = 0;
        int eligible = 0;
        int eligibleLeftovers = 0;
        for (Person person : everyone) {
            for (Grant grant : person.grants) {
                total++;
                if (eligible(grant)) {
                    eligible++;
                    eligibleLeftovers += grant.source == AssignmentSource.PRIOR_ROLE ? 1 : 0;
                }
            }
        }
        double rest = SHARE * total - LEFTOVER_SHARE * eligibleLeftovers;
        double share = Math.clamp(rest / Math.max(1, eligible - eligibleLeftovers), 0, 1);
        for (Person person : everyone) {
            for (Grant grant : person.grants) {
                double chance = grant.source == AssignmentSource.PRIOR_ROLE ? LEFTOVER_SHARE : share;
                if (eligible(grant) && random.nextDouble() < chance) {
                    makeDormant(grant);
                }
            }
        }
    }

    private boolean eligible(Grant grant) {
        Person holder = grant.holder;
        return !holder.service() && !holder.leftWithAccess && grant.grantedAt.isBefore(time.now.minus(OLD_ENOUGH));
    }

    private void makeDormant(Grant grant) {
        grant.dormant = true;
        if (random.nextDouble() < NEVER_USED) {
            grant.lastUsedAt = null;
        } else {
            Instant latest = time.now.minus(UNUSED_AT_LEAST);
            grant.lastUsedAt = time.between(grant.grantedAt, latest, random);
        }
    }
}
