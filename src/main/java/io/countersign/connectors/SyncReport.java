package io.countersign.connectors;

import io.countersign.directory.MergeSummary;

/** A directory sync of one platform and how long reading and merging took. */
public record SyncReport(MergeSummary merge, long readMillis, long mergeMillis) {

    public double usersPerSecond() {
        long millis = Math.max(1, readMillis + mergeMillis);
        return merge.users() * 1000.0 / millis;
    }
}
