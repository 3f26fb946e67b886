package io.countersign.simulator.internal.workday;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import io.countersign.directory.IdentityKind;
import io.countersign.directory.IdentityStatus;
import io.countersign.simulator.SimulatedTenant.Worker;

/**
 * The worker events an HR source would have logged over the last year of a synthetic bank, in Workday-style JSON,
 * oldest first: hires, terminations, contract ends (including contractors whose end date passed while they stayed
 * active), leaves of absence, and transfers for a stable few. Deterministic for a roster: event ids are name-based
 * UUIDs of kind, employee and date, written as Workday writes its 32-hex ids.
 */
final class WorkerFeed {

    private static final int HISTORY_DAYS = 365;

    private WorkerFeed() {
    }

    static List<Map<String, Object>> of(List<Worker> roster) {
        LocalDate asOf = roster.stream().flatMap(w -> Stream.of(w.hireDate(), w.status() == IdentityStatus.TERMINATED ? w.endDate() : null))
                .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(LocalDate.EPOCH);
        LocalDate since = asOf.minusDays(HISTORY_DAYS);
        List<Map<String, Object>> events = new ArrayList<>();
        for (Worker worker : roster) {
            int hash = Math.floorMod(worker.employeeId().hashCode(), 10_007);
            if (!worker.hireDate().isBefore(since) && worker.email() != null) {
                events.add(event("Hire", worker.hireDate(), worker, "Active", null));
            }
            ending(worker, since, asOf).ifPresent(events::add);
            if (worker.status() == IdentityStatus.LEAVE) {
                events.add(event("Leave of Absence", later(asOf.minusDays(1 + hash % 60), worker), worker, "On Leave", null));
            } else if (worker.status() == IdentityStatus.ACTIVE && hash % 53 == 0) {
                LocalDate start = later(asOf.minusDays(150 + hash % 50), worker);
                events.add(event("Leave of Absence", start, worker, "On Leave", null));
                events.add(event("Return from Leave", start.plusDays(30), worker, "Active", null));
            }
            if (worker.status() == IdentityStatus.ACTIVE && hash % 29 == 0) {
                transfer(worker, roster, asOf.minusDays(1 + hash % 300)).ifPresent(events::add);
            }
        }
        events.sort(Comparator.comparing((Map<String, Object> e) -> e.get("effectiveDate").toString()).thenComparing(e -> e.get("id").toString()));
        return events;
    }

    private static Optional<Map<String, Object>> ending(Worker worker, LocalDate since, LocalDate asOf) {
        if (worker.endDate() == null || worker.endDate().isBefore(since) || worker.endDate().isAfter(asOf)) {
            return Optional.empty();
        }
        boolean contractor = worker.employmentType() == IdentityKind.CONTRACTOR;
        if (worker.status() == IdentityStatus.TERMINATED || contractor) {
            return Optional.of(event(contractor ? "End Contract" : "Termination", worker.endDate(), worker, "Terminated", null));
        }
        return Optional.empty();
    }

    /** A move onto the worker's present job from another job in the same department, if the department has one. */
    private static Optional<Map<String, Object>> transfer(Worker worker, List<Worker> roster, LocalDate on) {
        if (!on.isAfter(worker.hireDate().plusDays(30))) {
            return Optional.empty();
        }
        return roster.stream().filter(w -> w.department().equals(worker.department()) && !w.title().equals(worker.title()))
                .findFirst().map(prior -> event("Transfer", on, worker, "Active", Map.of("businessTitle", prior.title(), "team", prior.desk())));
    }

    private static LocalDate later(LocalDate date, Worker worker) {
        return date.isBefore(worker.hireDate()) ? worker.hireDate().plusDays(1) : date;
    }

    private static Map<String, Object> event(String type, LocalDate effective, Worker worker, String status, Map<String, Object> prior) {
        Map<String, Object> event = new LinkedHashMap<>();
        String name = type + ":" + worker.employeeId() + ":" + effective;
        event.put("id", UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString().replace("-", ""));
        event.put("descriptor", type + ": " + worker.name());
        event.put("eventType", type);
        event.put("effectiveDate", effective.toString());
        event.put("worker", worker(worker, status));
        if (prior != null) {
            event.put("priorPosition", prior);
        }
        return event;
    }

    private static Map<String, Object> worker(Worker worker, String status) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("employeeID", worker.employeeId());
        json.put("descriptor", worker.name());
        putIfPresent(json, "primaryWorkEmail", worker.email());
        json.put("businessTitle", worker.title());
        json.put("department", worker.department());
        json.put("team", worker.desk());
        json.put("costCenter", worker.costCentre());
        json.put("location", worker.location());
        putIfPresent(json, "managerEmployeeID", worker.managerEmployeeId());
        json.put("workerType", worker.employmentType() == IdentityKind.CONTRACTOR ? "Contingent Worker" : "Employee");
        json.put("hireDate", worker.hireDate().toString());
        putIfPresent(json, "endDate", worker.endDate() == null ? null : worker.endDate().toString());
        json.put("workerStatus", status);
        return json;
    }

    private static void putIfPresent(Map<String, Object> json, String name, Object value) {
        if (value != null) {
            json.put(name, value);
        }
    }
}
