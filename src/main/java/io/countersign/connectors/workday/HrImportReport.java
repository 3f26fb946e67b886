package io.countersign.connectors.workday;

import java.util.Map;

/**
 * What a CSV import did.
 *
 * @param rows            worker events in the file
 * @param stored          events new to the inbox (0 on a dry run)
 * @param alreadyImported events the inbox held already (a file imported twice adds nothing)
 * @param byKind          rows per kind, e.g. {@code hire: 3}
 */
public record HrImportReport(String file, int rows, int stored, int alreadyImported, boolean dryRun, Map<String, Integer> byKind) {

    public HrImportReport {
        byKind = Map.copyOf(byKind);
    }
}
