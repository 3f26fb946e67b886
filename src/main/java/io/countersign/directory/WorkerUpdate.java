package io.countersign.directory;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An HR source's change to a worker, as the joiner / mover / leaver workflow applies it. Matched on
 * {@code employeeId} only: a new name or e-mail, a transfer or a re-hire changes the same identity. A
 * {@code null} field leaves what the directory holds as it is (a new worker needs title, department, desk,
 * location and hire date).
 *
 * @param hire a hire: a worker known from an earlier employment is re-hired (active again, history kept), and
 *             an end date the event does not give is cleared
 */
public record WorkerUpdate(String employeeId, boolean hire, String displayName, String email, String title, String department,
                           String desk, String costCentre, String location, String managerEmployeeId, IdentityKind employmentType,
                           LocalDate hireDate, LocalDate endDate, IdentityStatus status) {

    public WorkerUpdate {
        Objects.requireNonNull(employeeId, "employeeId == null");
        Objects.requireNonNull(status, "status == null");
        if (employeeId.isBlank()) {
            throw new IllegalArgumentException("employeeId is blank");
        }
    }

    /** What applying an update did. */
    public record Applied(IdentityId identityId, boolean created, boolean reactivated) {
    }
}
