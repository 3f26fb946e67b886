package io.countersign.connectors.workday;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text (RFC 4180) into records: fields separated by commas, quoted fields may hold commas, line breaks
 * and doubled quotes; a byte-order mark is skipped; CRLF, LF and CR all end a line; blank lines are skipped.
 * Each record carries the line it starts on, so problems can name it.
 */
final class CsvRecords {

    /** One record: its fields, or why it could not be read. */
    record Row(int line, List<String> fields, String error) {
    }

    private final String text;
    private int position;
    private int line = 1;

    private CsvRecords(String text) {
        this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    static List<Row> parse(String text) {
        return new CsvRecords(text).rows();
    }

    private List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        while (position < text.length()) {
            Row row = row();
            boolean blank = row.error() == null && row.fields().size() == 1 && row.fields().getFirst().isEmpty();
            if (!blank) {
                rows.add(row);
            }
        }
        return rows;
    }

    private Row row() {
        int start = line;
        List<String> fields = new ArrayList<>();
        while (true) {
            StringBuilder field = new StringBuilder();
            String error = text.startsWith("\"", position) ? quoted(field) : unquoted(field);
            fields.add(field.toString());
            if (error != null) {
                skipLine();
                return new Row(start, List.of(), error);
            }
            if (position >= text.length()) {
                return new Row(start, fields, null);
            }
            char separator = text.charAt(position);
            if (separator == ',') {
                position++;
            } else {
                endOfLine();
                return new Row(start, fields, null);
            }
        }
    }

    private String unquoted(StringBuilder field) {
        while (position < text.length() && text.charAt(position) != ',' && !atLineBreak()) {
            field.append(text.charAt(position++));
        }
        return null;
    }

    private String quoted(StringBuilder field) {
        int opened = line;
        position++;
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == '"') {
                if (text.startsWith("\"\"", position)) {
                    field.append('"');
                    position += 2;
                    continue;
                }
                position++;
                boolean ends = position >= text.length() || text.charAt(position) == ',' || atLineBreak();
                return ends ? null : "a closing quote is followed by '" + text.charAt(position) + "' instead of a comma";
            }
            if (atLineBreak()) {
                field.append('\n');
                endOfLine();
            } else {
                field.append(c);
                position++;
            }
        }
        line = opened;
        return "a quoted field is not closed";
    }

    private boolean atLineBreak() {
        char c = text.charAt(position);
        return c == '\n' || c == '\r';
    }

    private void endOfLine() {
        if (text.startsWith("\r\n", position)) {
            position += 2;
        } else {
            position++;
        }
        line++;
    }

    private void skipLine() {
        while (position < text.length() && !atLineBreak()) {
            position++;
        }
        if (position < text.length()) {
            endOfLine();
        }
    }
}
