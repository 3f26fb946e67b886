package io.countersign.connectors.workday;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.countersign.connectors.InboundEvent;
import io.countersign.directory.IdentityKind;
import io.countersign.directory.IdentityStatus;

/**
 * A worker event from the HR source, normalised: the same record whether it came by webhook, feed or CSV
 * import. It is stored in the inbox (platform {@code workday}, stream {@code worker_events}, event id
 * {@link #eventId()}) with {@link #toPayload()} as its payload; {@link #fromPayload} reads it back.
 *
 * <p>Which fields a kind carries: a hire has name, e-mail, title, department, desk, location, employment type
 * and hire date; a transfer the new title, department and desk and at least one of the previous title or desk;
 * a termination and a contract end the end date. The rest are optional.
 *
 * @param eventId           the HR source's own id of the event, the key that makes redelivery harmless
 * @param effectiveDate     when the change takes effect (may be in the future)
 * @param desk              the team within the department
 * @param managerEmployeeId the line manager's employee id
 * @param status            the worker's status once the event is effective
 * @param previousTitle     for a transfer, the title held before
 * @param previousDesk      for a transfer, the desk before
 */
public record WorkerEvent(String eventId, WorkerEventKind kind, LocalDate effectiveDate, String employeeId, String name, String email,
                          String title, String department, String desk, String costCentre, String location, String managerEmployeeId,
                          IdentityKind employmentType, LocalDate hireDate, LocalDate endDate, IdentityStatus status,
                          String previousTitle, String previousDesk) {

    public WorkerEvent {
        Objects.requireNonNull(eventId, "eventId == null");
        Objects.requireNonNull(kind, "kind == null");
        Objects.requireNonNull(effectiveDate, "effectiveDate == null");
        Objects.requireNonNull(employeeId, "employeeId == null");
        Objects.requireNonNull(status, "status == null");
    }

    /** The event as the inbox keeps it: the CSV column names as keys, absent fields left out. */
    public Map<String, Object> toPayload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        put(payload, "event_id", eventId);
        put(payload, "kind", kind.wireName());
        put(payload, "effective_date", effectiveDate);
        put(payload, "employee_id", employeeId);
        put(payload, "name", name);
        put(payload, "email", email);
        put(payload, "title", title);
        put(payload, "department", department);
        put(payload, "desk", desk);
        put(payload, "cost_centre", costCentre);
        put(payload, "location", location);
        put(payload, "manager_employee_id", managerEmployeeId);
        put(payload, "employment_type", employmentType == null ? null : employmentType.name().toLowerCase(Locale.ROOT));
        put(payload, "hire_date", hireDate);
        put(payload, "end_date", endDate);
        put(payload, "status", status.name().toLowerCase(Locale.ROOT));
        put(payload, "previous_title", previousTitle);
        put(payload, "previous_desk", previousDesk);
        return payload;
    }

    /** The event as it waits in the inbox: occurring at the start of its effective day (UTC), targeting the employee. */
    InboundEvent toInboundEvent() {
        return new InboundEvent(HrEvents.PLATFORM, eventId, HrEvents.STREAM, kind.wireName(), effectiveDate.atStartOfDay(ZoneOffset.UTC).toInstant(),
                null, employeeId, null, null, toPayload());
    }

    /** Reads a payload written by {@link #toPayload()}. */
    public static WorkerEvent fromPayload(Map<String, Object> payload) {
        return new WorkerEvent(text(payload, "event_id"), WorkerEventKind.fromWireName(text(payload, "kind")).orElseThrow(),
                date(payload, "effective_date"), text(payload, "employee_id"), text(payload, "name"), text(payload, "email"),
                text(payload, "title"), text(payload, "department"), text(payload, "desk"), text(payload, "cost_centre"),
                text(payload, "location"), text(payload, "manager_employee_id"),
                payload.get("employment_type") == null ? null : IdentityKind.valueOf(text(payload, "employment_type").toUpperCase(Locale.ROOT)),
                date(payload, "hire_date"), date(payload, "end_date"), IdentityStatus.valueOf(text(payload, "status").toUpperCase(Locale.ROOT)),
                text(payload, "previous_title"), text(payload, "previous_desk"));
    }

    private static void put(Map<String, Object> payload, String key, Object value) {
        if (value != null) {
            payload.put(key, value.toString());
        }
    }

    private static String text(Map<String, Object> payload, String key) {
        Object value = payload.get(key);
        return value == null ? null : value.toString();
    }

    private static LocalDate date(Map<String, Object> payload, String key) {
        String value = text(payload, key);
        return value == null ? null : LocalDate.parse(value);
    }
}
