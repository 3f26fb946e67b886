package io.countersign.simulator.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import io.countersign.directory.AssignmentSource;
import io.countersign.directory.IdentityId;
import io.countersign.directory.IdentityKind;
import io.countersign.directory.IdentityStatus;

/** A person or service identity while the bank is being generated; turned into records at the end. */
final class Person {

    final int index;
    final Role role;
    final Person manager;
    final String firstName;
    final String lastName;
    final IdentityKind kind;
    String location;
    IdentityStatus status = IdentityStatus.ACTIVE;
    LocalDate hireDate;
    LocalDate endDate;

    Role priorRole;
    Person priorManager;
    LocalDate moveDate;

    /** A planted separation-of-duties entitlement, -1 for none. */
    int plantedEntitlement = -1;
    AssignmentSource plantedSource;
    /** Planted: terminated, but the leaver process never ran. */
    boolean leftWithAccess;
    /** Planted: a contractor past the end date, still active everywhere. */
    boolean contractLapsed;

    IdentityId id;
    String employeeId;
    String login;
    String email;

    final BitSet held = new BitSet();
    final List<Grant> grants = new ArrayList<>();
    final AccountDraft[] accounts = new AccountDraft[Platform.values().length];

    Person(int index, Role role, Person manager, String firstName, String lastName, IdentityKind kind) {
        this.index = index;
        this.role = role;
        this.manager = manager;
        this.firstName = firstName;
        this.lastName = lastName;
        this.kind = kind;
    }

    boolean service() {
        return kind == IdentityKind.SERVICE;
    }

    boolean moved() {
        return priorRole != null;
    }

    boolean terminated() {
        return status == IdentityStatus.TERMINATED;
    }

    /** Whether the person has accounts in use: everyone but leavers whose leaver process ran. */
    boolean hasAccess() {
        return !terminated() || leftWithAccess;
    }

    String displayName() {
        return service() ? firstName : firstName + " " + lastName;
    }

    Instant startedAt() {
        return Timeline.start(hireDate);
    }

    /** When the person stopped working here, or {@code fallback} when they have not. */
    Instant leftAt(Instant fallback) {
        return terminated() ? Timeline.start(endDate).plusSeconds(18 * 3600) : fallback;
    }

    Role roleAt(Instant moment) {
        return moved() && moment.isBefore(Timeline.start(moveDate)) ? priorRole : role;
    }

    Person managerAt(Instant moment) {
        return moved() && moment.isBefore(Timeline.start(moveDate)) ? priorManager : manager;
    }
}
