package io.countersign.lifecycle;

/**
 * Leavers' time from the HR event reaching the inbox to their last account confirmed disabled (read back).
 *
 * @param leavers           leavers measured
 * @param accountsDisabled  accounts disabled for them, in total
 */
public record DeprovisioningStats(int leavers, long p50Ms, long p99Ms, long maxMs, int accountsDisabled) {
}
