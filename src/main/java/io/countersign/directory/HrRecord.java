package io.countersign.directory;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The HR source's view of a person: what they do, where, for whom, and for how long.
 *
 * @param department the business division, e.g. "Equities"
 * @param desk       the team within the division, e.g. "Equity Derivatives"
 * @param managerId  the line manager, {@code null} at the top of the tree
 * @param endDate    the contract or employment end date, {@code null} when open-ended
 */
public record HrRecord(IdentityId identityId, String title, String department, String desk, String costCentre,
                       String location, IdentityId managerId, IdentityKind employmentType, LocalDate hireDate,
                       LocalDate endDate, IdentityStatus status) {

    public HrRecord {
        Objects.requireNonNull(identityId, "identityId == null");
        Objects.requireNonNull(title, "title == null");
        Objects.requireNonNull(department, "department == null");
        Objects.requireNonNull(desk, "desk == null");
        Objects.requireNonNull(costCentre, "costCentre == null");
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(employmentType, "employmentType == null");
        Objects.requireNonNull(hireDate, "hireDate == null");
        Objects.requireNonNull(status, "status == null");
        if (endDate != null && endDate.isBefore(hireDate)) {
            throw new IllegalArgumentException("endDate " + endDate + " is before hireDate " + hireDate + " (identity " + identityId + ")");
        }
    }

    public boolean pastEndDate(LocalDate today) {
        return endDate != null && endDate.isBefore(today);
    }
}
