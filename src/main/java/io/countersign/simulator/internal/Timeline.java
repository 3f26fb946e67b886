package io.countersign.simulator.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.random.RandomGenerator;

/** The bank's calendar: {@code asOf} is today, and every timestamp lies before its start (UTC). */
final class Timeline {

    /** This many years ago, access was loaded into the governance tool by a migration, which took four weeks. */
    private static final int GOVERNANCE_YEARS = 6;
    private static final int MIGRATION_DAYS = 28;
    private static final Duration WORKING_DAY = Duration.ofHours(11);

    final LocalDate asOf;
    final Instant now;
    final Instant historyStart;
    final Instant governanceStart;

    Timeline(LocalDate asOf, int historyDays) {
        this.asOf = asOf;
        this.now = start(asOf);
        this.historyStart = start(asOf.minusDays(historyDays));
        this.governanceStart = start(asOf.minusYears(GOVERNANCE_YEARS));
    }

    static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    LocalDate daysAgo(long days) {
        return asOf.minusDays(days);
    }

    /** A moment in the working day (07:00 to 18:00 UTC) of {@code day}. */
    Instant during(LocalDate day, RandomGenerator random) {
        return start(day).plusSeconds(7 * 3600 + random.nextLong(WORKING_DAY.toSeconds()));
    }

    /** A moment in {@code [from, to)}; {@code from} itself when the interval is empty. */
    Instant between(Instant from, Instant to, RandomGenerator random) {
        long span = Duration.between(from, to).toSeconds();
        return span <= 0 ? from : from.plusSeconds(random.nextLong(span));
    }

    /** The moment as the governance tool records it: anything older shows as loaded by the migration. */
    Instant recorded(Instant moment, RandomGenerator random) {
        return moment.isBefore(governanceStart)
                ? during(asOf.minusYears(GOVERNANCE_YEARS).plusDays(random.nextInt(MIGRATION_DAYS)), random)
                : moment;
    }

    static Instant latest(Instant first, Instant second) {
        return first.isAfter(second) ? first : second;
    }
}
