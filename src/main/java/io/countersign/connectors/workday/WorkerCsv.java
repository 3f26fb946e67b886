package io.countersign.connectors.workday;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads worker events from CSV with the documented header ({@link WorkerFields#COLUMNS}; the four required
 * columns must be there, the others may be left out, in any order). Every bad row is reported as
 * {@code FILE:LINE: field: reason}; a file with any problem yields no events.
 */
final class WorkerCsv {

    /** The events of a good file, or every problem of a bad one. */
    record Parsed(List<WorkerEvent> events, List<String> problems) {
    }

    private final String file;
    private final List<String> problems = new ArrayList<>();

    private WorkerCsv(String file) {
        this.file = file;
    }

    static Parsed parse(String file, String content) {
        return new WorkerCsv(file).read(content);
    }

    private Parsed read(String content) {
        List<CsvRecords.Row> rows = CsvRecords.parse(content);
        if (rows.isEmpty()) {
            problem(1, "header", "the file is empty; the first line must be the header: " + String.join(",", WorkerFields.COLUMNS));
            return new Parsed(List.of(), problems);
        }
        List<String> header = header(rows.getFirst());
        if (rows.size() == 1 && problems.isEmpty()) {
            problem(rows.getFirst().line() + 1, "row", "no worker events after the header");
        }
        if (!problems.isEmpty()) {
            return new Parsed(List.of(), problems);
        }
        List<WorkerEvent> events = new ArrayList<>();
        Map<String, Integer> lineOfId = new HashMap<>();
        for (CsvRecords.Row row : rows.subList(1, rows.size())) {
            Optional<WorkerEvent> event = event(row, header);
            String id = row.error() == null && row.fields().size() == header.size() ? row.fields().get(header.indexOf("event_id")).strip() : "";
            Integer earlier = id.isEmpty() ? null : lineOfId.putIfAbsent(id, row.line());
            if (earlier != null) {
                problem(row.line(), "event_id", "'" + id + "' is already on line " + earlier);
            } else {
                event.ifPresent(events::add);
            }
        }
        return problems.isEmpty() ? new Parsed(events, List.of()) : new Parsed(List.of(), problems);
    }

    private List<String> header(CsvRecords.Row row) {
        if (row.error() != null) {
            problem(row.line(), "header", row.error());
            return List.of();
        }
        List<String> names = row.fields().stream().map(f -> f.strip().toLowerCase(Locale.ROOT)).toList();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (!WorkerFields.COLUMNS.contains(name)) {
                problem(row.line(), "header", "unknown column '" + row.fields().get(i).strip() + "'; the columns are "
                        + String.join(",", WorkerFields.COLUMNS));
            } else if (names.indexOf(name) != i) {
                problem(row.line(), "header", "column '" + name + "' appears twice");
            }
        }
        WorkerFields.COLUMNS.stream().filter(WorkerFields.REQUIRED_COLUMNS::contains).filter(c -> !names.contains(c))
                .forEach(c -> problem(row.line(), "header", "missing column '" + c + "'"));
        return names;
    }

    private Optional<WorkerEvent> event(CsvRecords.Row row, List<String> header) {
        if (row.error() != null) {
            problem(row.line(), "row", row.error());
            return Optional.empty();
        }
        if (row.fields().size() != header.size()) {
            problem(row.line(), "row", "has " + row.fields().size() + " fields, the header has " + header.size());
            return Optional.empty();
        }
        WorkerFields.Result result = WorkerFields.parse(field -> {
            int index = header.indexOf(field);
            return index < 0 ? null : row.fields().get(index);
        });
        result.problems().forEach(p -> problem(row.line(), p.field(), p.reason()));
        return Optional.ofNullable(result.event());
    }

    private void problem(int line, String field, String reason) {
        problems.add(file + ":" + line + ": " + field + ": " + reason);
    }
}
