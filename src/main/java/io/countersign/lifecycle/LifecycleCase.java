package io.countersign.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One HR event's workflow. Its id is the HR event id (or {@code sweep:<employee id>:<end date>} for a contractor
 * found past the end date).
 *
 * @param kind  {@code JOINER}, {@code MOVER}, {@code LEAVER} or {@code UPDATE} (leave start or return: HR record only)
 * @param items what it planned, each as {@code ACTION key: STATUS}
 */
public record LifecycleCase(String id, String kind, String employeeId, String identityId, CaseStatus status, LocalDate effectiveDate,
                            Instant receivedAt, Instant completedAt, String detail, List<String> items) {

    public LifecycleCase {
        items = List.copyOf(items);
    }
}
