package io.countersign.simulator;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What synthetic bank to generate. The same spec always gives the same bank.
 *
 * @param seed      seed of the generator's single random source
 * @param employees people in the HR feed, employees and contractors alike, including recent leavers;
 *                  from {@value #MIN_EMPLOYEES} to {@value #MAX_EMPLOYEES}. Service identities come on top.
 * @param days      length of the access-request history before {@code asOf}, from {@value #MIN_DAYS} to
 *                  {@value #MAX_DAYS}
 * @param asOf      the bank's today: every generated timestamp lies before the start of this day (UTC)
 */
public record BankSpec(long seed, int employees, int days, LocalDate asOf) {

    public static final long DEFAULT_SEED = 42;
    public static final int DEFAULT_EMPLOYEES = 2_000;
    public static final int DEFAULT_DAYS = 180;
    public static final int MIN_EMPLOYEES = 50;
    public static final int MAX_EMPLOYEES = 200_000;
    public static final int MIN_DAYS = 1;
    public static final int MAX_DAYS = 3_650;

    public BankSpec {
        if (employees < MIN_EMPLOYEES || employees > MAX_EMPLOYEES) {
            throw new IllegalArgumentException("employees must be between " + MIN_EMPLOYEES + " and "
                    + MAX_EMPLOYEES + ", was " + employees);
        }
        if (days < MIN_DAYS || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be between " + MIN_DAYS + " and " + MAX_DAYS + ", was " + days);
        }
        Objects.requireNonNull(asOf, "asOf == null");
    }

    /** The command line's defaults: seed 42, 2,000 employees, 180 days of history, as of the given day. */
    public static BankSpec defaults(LocalDate asOf) {
        return new BankSpec(DEFAULT_SEED, DEFAULT_EMPLOYEES, DEFAULT_DAYS, asOf);
    }

    /**
     * How a snapshot generated from this spec names its source, e.g.
     * {@code synthetic:seed=42,employees=2000,days=180,asOf=2025-06-30}.
     */
    public String source() {
        return "synthetic:seed=" + seed + ",employees=" + employees + ",days=" + days + ",asOf=" + asOf;
    }
}
