package io.countersign.ai;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Past access decisions: named categorical columns and one label per row ({@code true} = approved). Immutable.
 *
 * <p>Values are kept as strings; a missing value is the empty string.
 */
public final class DecisionTable {

    private final List<String> columns;
    private final String[][] values;
    private final boolean[] approved;

    private DecisionTable(List<String> columns, String[][] values, boolean[] approved) {
        this.columns = columns;
        this.values = values;
        this.approved = approved;
    }

    public static Builder builder(List<String> columns) {
        return new Builder(columns);
    }

    /**
     * Reads a CSV file with a header row. The label column holds 1/0, true/false or approved/denied; every
     * other column is a feature. Errors throw {@link ModelException} with {@code FILE:LINE: column: reason}.
     */
    public static DecisionTable readCsv(Path file, String labelColumn) {
        String name = file.toString();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null) {
                throw ModelException.badTable(name + ":1: header: the file is empty");
            }
            List<String> names = splitCsv(header, name, 1);
            int label = names.indexOf(labelColumn);
            if (label < 0) {
                throw ModelException.badTable(name + ":1: " + labelColumn + ": no such column (columns: " + String.join(", ", names) + ")");
            }
            List<String> features = new ArrayList<>(names);
            features.remove(label);
            Builder builder = builder(features);
            int lineNumber = 1;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (!line.isBlank()) {
                    addCsvRow(builder, splitCsv(line, name, lineNumber), names, label, name + ":" + lineNumber);
                }
            }
            return builder.build();
        } catch (NoSuchFileException e) {
            throw ModelException.badTable(name + ": no such file");
        } catch (IOException e) {
            throw ModelException.badTable(name + ": cannot be read: " + e.getMessage());
        }
    }

    private static void addCsvRow(Builder builder, List<String> cells, List<String> names, int label, String where) {
        if (cells.size() != names.size()) {
            throw ModelException.badTable(where + ": row: " + cells.size() + " values, the header has " + names.size());
        }
        Boolean decision = switch (cells.get(label).trim().toLowerCase(Locale.ROOT)) {
            case "1", "true", "approved" -> true;
            case "0", "false", "denied" -> false;
            default -> null;
        };
        if (decision == null) {
            throw ModelException.badTable(where + ": " + names.get(label) + ": '" + cells.get(label)
                    + "' is not 1/0, true/false or approved/denied");
        }
        List<String> features = new ArrayList<>(cells);
        features.remove(label);
        builder.add(features, decision);
    }

    /** One CSV record: commas separate, double quotes enclose a value holding commas, {@code ""} is a quote. */
    private static List<String> splitCsv(String line, String file, int lineNumber) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString().trim());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw ModelException.badTable(file + ":" + lineNumber + ": row: unterminated quote");
        }
        cells.add(cell.toString().trim());
        return cells;
    }

    public List<String> columns() {
        return columns;
    }

    public int size() {
        return approved.length;
    }

    /** The rows at the given indexes, in that order (a train/test split). */
    public DecisionTable rows(int[] indexes) {
        String[][] subset = new String[indexes.length][];
        boolean[] labels = new boolean[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            Objects.checkIndex(indexes[i], approved.length);
            subset[i] = values[indexes[i]];
            labels[i] = approved[indexes[i]];
        }
        return new DecisionTable(columns, subset, labels);
    }

    /** Row indexes of a train/test split, each part in row order. */
    public record Split(int[] train, int[] test) { }

    /**
     * Holds out {@code testShare} of the approved rows and the same share of the denied ones, drawn from {@code seed}, so
     * both parts keep the table's approval rate; the same seed gives the same split.
     */
    public Split stratifiedSplit(double testShare, long seed) {
        if (!(testShare >= 0 && testShare < 1)) {
            throw new IllegalArgumentException("testShare must be in [0, 1), was " + testShare);
        }
        List<Integer> approvedRows = new ArrayList<>();
        List<Integer> deniedRows = new ArrayList<>();
        for (int r = 0; r < approved.length; r++) {
            (approved[r] ? approvedRows : deniedRows).add(r);
        }
        Random random = new Random(seed);
        Collections.shuffle(approvedRows, random);
        Collections.shuffle(deniedRows, random);
        int approvedHeld = (int) Math.round(approvedRows.size() * testShare);
        int deniedHeld = (int) Math.round(deniedRows.size() * testShare);
        int[] test = sorted(approvedRows.subList(0, approvedHeld), deniedRows.subList(0, deniedHeld));
        int[] train = sorted(approvedRows.subList(approvedHeld, approvedRows.size()), deniedRows.subList(deniedHeld, deniedRows.size()));
        return new Split(train, test);
    }

    private static int[] sorted(List<Integer> some, List<Integer> others) {
        return Stream.concat(some.stream(), others.stream()).mapToInt(Integer::intValue).sorted().toArray();
    }

    public boolean approved(int row) {
        return approved[row];
    }

    public String value(int row, int column) {
        return values[row][column];
    }

    /** Collects rows; {@link #build()} copies them into an immutable table. */
    public static final class Builder {

        private final List<String> columns;
        private final List<String[]> rows = new ArrayList<>();
        private final List<Boolean> labels = new ArrayList<>();
        private final Map<String, String> interned = new HashMap<>();

        private Builder(List<String> columns) {
            Objects.requireNonNull(columns, "columns == null");
            if (columns.isEmpty()) {
                throw ModelException.badTable("columns: at least one feature column is needed");
            }
            if (new HashSet<>(columns).size() != columns.size()) {
                throw ModelException.badTable("columns: duplicate column name in " + columns);
            }
            this.columns = List.copyOf(columns);
        }

        public Builder add(List<String> values, boolean approved) {
            if (values.size() != columns.size()) {
                throw ModelException.badTable("row " + (rows.size() + 1) + ": " + values.size() + " values for "
                        + columns.size() + " columns");
            }
            String[] row = new String[values.size()];
            for (int i = 0; i < row.length; i++) {
                String value = values.get(i) == null ? "" : values.get(i);
                row[i] = interned.computeIfAbsent(value, v -> v);
            }
            rows.add(row);
            labels.add(approved);
            return this;
        }

        public DecisionTable build() {
            boolean[] approved = new boolean[labels.size()];
            for (int i = 0; i < approved.length; i++) {
                approved[i] = labels.get(i);
            }
            return new DecisionTable(columns, rows.toArray(String[][]::new), approved);
        }
    }
}
