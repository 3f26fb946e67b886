package io.countersign.ai.internal;

import io.countersign.ai.DecisionTable;

/** Reads a table row into a reusable array. */
final class Rows {

    private Rows() {
    }

    static void read(DecisionTable table, int row, String[] into) {
        for (int c = 0; c < into.length; c++) {
            into[c] = table.value(row, c);
        }
    }

}
