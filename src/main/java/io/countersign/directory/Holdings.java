package io.countersign.directory;

import java.util.List;

/** One identity with its HR record and everything it holds. */
public record Holdings(Identity identity, HrRecord hr, List<Assignment> assignments) {

    public Holdings {
        assignments = List.copyOf(assignments);
    }
}
