package io.countersign.lifecycle;

import java.util.List;

/**
 * What a sweep found.
 *
 * @param alerts            accounts newly found active after their owner's end date (each ledgered and published)
 * @param leaversStarted    contractors past their end date for whom a leaver case was started
 */
public record SweepReport(List<AccountActiveAfterEndDate> alerts, List<String> leaversStarted) {

    public SweepReport {
        alerts = List.copyOf(alerts);
        leaversStarted = List.copyOf(leaversStarted);
    }
}
