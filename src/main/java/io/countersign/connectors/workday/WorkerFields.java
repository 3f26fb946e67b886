package io.countersign.connectors.workday;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.countersign.directory.IdentityKind;
import io.countersign.directory.IdentityStatus;

/**
 * Turns the fields of one worker event, by their CSV names, into a {@link WorkerEvent}, collecting every problem
 * instead of stopping at the first. Webhook, feed and CSV share it, so one event is judged the same way wherever
 * it came from.
 */
final class WorkerFields {

    /** The documented CSV header, in order. */
    static final List<String> COLUMNS = List.of("event_id", "kind", "effective_date", "employee_id", "name", "email", "title",
            "department", "desk", "cost_centre", "location", "manager_employee_id", "employment_type", "hire_date", "end_date",
            "status", "previous_title", "previous_desk");
    static final Set<String> REQUIRED_COLUMNS = Set.of("event_id", "kind", "effective_date", "employee_id");

    private static final Map<WorkerEventKind, List<String>> REQUIRED_BY_KIND = Map.of(
            WorkerEventKind.HIRE, List.of("name", "email", "title", "department", "desk", "location", "employment_type", "hire_date"),
            WorkerEventKind.TRANSFER, List.of("title", "department", "desk"),
            WorkerEventKind.TERMINATION, List.of("end_date"),
            WorkerEventKind.CONTRACT_END, List.of("end_date"),
            WorkerEventKind.LEAVE_START, List.of(),
            WorkerEventKind.LEAVE_RETURN, List.of());
    private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int LONGEST = 256;

    /** A field that is wrong, by its CSV name. */
    record Problem(String field, String reason) {
    }

    /** The event, or why there is none. */
    record Result(WorkerEvent event, List<Problem> problems) {

        boolean valid() {
            return problems.isEmpty();
        }
    }

    private final Function<String, String> source;
    private final List<Problem> problems = new ArrayList<>();

    private WorkerFields(Function<String, String> source) {
        this.source = source;
    }

    /** {@code fields} answers a CSV field name with its raw value, or {@code null} when absent. */
    static Result parse(Function<String, String> fields) {
        return new WorkerFields(fields).result();
    }

    private Result result() {
        Optional<String> eventId = text("event_id").filter(this::validEventId);
        Optional<WorkerEventKind> kind = text("kind").flatMap(this::kind);
        Optional<LocalDate> effective = date("effective_date");
        Optional<String> employeeId = text("employee_id");
        List.of("event_id", "kind", "effective_date", "employee_id").forEach(this::require);
        kind.ifPresent(this::requireForKind);
        Optional<String> email = text("email").filter(this::validEmail);
        Optional<IdentityKind> employment = text("employment_type").flatMap(this::employmentType);
        Optional<IdentityStatus> status = text("status").flatMap(this::status);
        Optional<LocalDate> hired = date("hire_date");
        Optional<LocalDate> ends = date("end_date");
        if (hired.isPresent() && ends.isPresent() && ends.get().isBefore(hired.get())) {
            problems.add(new Problem("end_date", "is before hire_date (" + hired.get() + ")"));
        }
        if (kind.orElse(null) == WorkerEventKind.CONTRACT_END && employment.orElse(null) == IdentityKind.EMPLOYEE) {
            problems.add(new Problem("employment_type", "a contract end is for a contractor, was employee"));
        }
        if (!problems.isEmpty()) {
            return new Result(null, List.copyOf(problems));
        }
        return new Result(new WorkerEvent(eventId.orElseThrow(), kind.orElseThrow(), effective.orElseThrow(), employeeId.orElseThrow(),
                text("name").orElse(null), email.orElse(null), text("title").orElse(null), text("department").orElse(null),
                text("desk").orElse(null), text("cost_centre").orElse(null), text("location").orElse(null),
                text("manager_employee_id").orElse(null), employment.orElse(null), hired.orElse(null), ends.orElse(null),
                status.orElse(kind.orElseThrow().statusAfter()), text("previous_title").orElse(null), text("previous_desk").orElse(null)),
                List.of());
    }

    private void require(String field) {
        if (raw(field).isEmpty()) {
            problems.add(new Problem(field, "is required"));
        }
    }

    private void requireForKind(WorkerEventKind kind) {
        REQUIRED_BY_KIND.get(kind).stream().filter(f -> raw(f).isEmpty())
                .forEach(f -> problems.add(new Problem(f, "is required for a " + kind.wireName().replace('_', ' '))));
        if (kind == WorkerEventKind.TRANSFER && raw("previous_title").isEmpty() && raw("previous_desk").isEmpty()) {
            problems.add(new Problem("previous_title", "a transfer needs previous_title or previous_desk"));
        }
    }

    /** The stripped value, or empty; a value too long to be real is a problem and counts as absent. */
    private Optional<String> text(String field) {
        Optional<String> value = raw(field);
        if (value.isPresent() && value.get().length() > LONGEST) {
            problems.add(new Problem(field, "is longer than " + LONGEST + " characters"));
            return Optional.empty();
        }
        return value;
    }

    private Optional<String> raw(String field) {
        String value = source.apply(field);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private Optional<LocalDate> date(String field) {
        return text(field).flatMap(value -> {
            try {
                return Optional.of(LocalDate.parse(value));
            } catch (DateTimeParseException e) {
                problems.add(new Problem(field, "must be a date as YYYY-MM-DD, was '" + value + "'"));
                return Optional.empty();
            }
        });
    }

    private boolean validEventId(String value) {
        boolean valid = EVENT_ID.matcher(value).matches();
        if (!valid) {
            problems.add(new Problem("event_id", "must be 1 to 128 letters, digits, '.', '_', ':' or '-', was '" + value + "'"));
        }
        return valid;
    }

    private boolean validEmail(String value) {
        boolean valid = EMAIL.matcher(value).matches();
        if (!valid) {
            problems.add(new Problem("email", "is not an e-mail address: '" + value + "'"));
        }
        return valid;
    }

    private Optional<WorkerEventKind> kind(String value) {
        Optional<WorkerEventKind> kind = WorkerEventKind.fromWireName(value);
        if (kind.isEmpty()) {
            problems.add(new Problem("kind", "must be one of " + Arrays.stream(WorkerEventKind.values()).map(WorkerEventKind::wireName)
                    .collect(Collectors.joining(", ")) + "; was '" + value + "'"));
        }
        return kind;
    }

    private Optional<IdentityKind> employmentType(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "employee" -> Optional.of(IdentityKind.EMPLOYEE);
            case "contractor" -> Optional.of(IdentityKind.CONTRACTOR);
            default -> {
                problems.add(new Problem("employment_type", "must be employee or contractor, was '" + value + "'"));
                yield Optional.empty();
            }
        };
    }

    private Optional<IdentityStatus> status(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "active" -> Optional.of(IdentityStatus.ACTIVE);
            case "leave" -> Optional.of(IdentityStatus.LEAVE);
            case "terminated" -> Optional.of(IdentityStatus.TERMINATED);
            default -> {
                problems.add(new Problem("status", "must be active, leave or terminated, was '" + value + "'"));
                yield Optional.empty();
            }
        };
    }
}
