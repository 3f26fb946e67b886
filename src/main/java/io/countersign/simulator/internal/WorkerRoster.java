package io.countersign.simulator.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.countersign.directory.DirectorySnapshot;
import io.countersign.directory.HrRecord;
import io.countersign.directory.Identity;
import io.countersign.directory.IdentityId;
import io.countersign.simulator.SimulatedTenant.Worker;

/** The HR source's side of a snapshot: every person with an employee id and an HR record, ordered by employee id. */
public final class WorkerRoster {

    private WorkerRoster() {
    }

    public static List<Worker> of(DirectorySnapshot snapshot) {
        Map<IdentityId, Identity> identities = snapshot.identities().stream().collect(Collectors.toMap(Identity::id, Function.identity()));
        return snapshot.hrRecords().stream()
                .filter(hr -> identities.containsKey(hr.identityId()) && identities.get(hr.identityId()).employeeId() != null)
                .map(hr -> worker(hr, identities))
                .sorted(Comparator.comparing(Worker::employeeId))
                .toList();
    }

    private static Worker worker(HrRecord hr, Map<IdentityId, Identity> identities) {
        Identity person = identities.get(hr.identityId());
        Identity manager = hr.managerId() == null ? null : identities.get(hr.managerId());
        return new Worker(person.employeeId(), person.displayName(), person.email(), hr.title(), hr.department(), hr.desk(),
                hr.costCentre(), hr.location(), manager == null ? null : manager.employeeId(), hr.employmentType(), hr.hireDate(),
                hr.endDate(), hr.status());
    }
}
