package io.countersign.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import io.countersign.ai.DecisionTable;
import io.countersign.ai.ModelException;

/** Reading the data of {@code model evaluate} and {@code bench model}: the table, index files, random splits. */
final class ModelData {

    static final String AMAZON = "amazon-access";
    static final String CSV = "csv";

    private ModelData() {
    }

    /** The label column of a named layout: {@code amazon-access} is ACTION; {@code csv} needs {@code --label}. */
    static String labelColumn(String dataset, String label) {
        return switch (dataset) {
            case AMAZON -> {
                if (label != null && !label.equals("ACTION")) {
                    throw CliException.badInput("--label: the amazon-access layout's label is ACTION, not " + label);
                }
                yield "ACTION";
            }
            case CSV -> {
                if (label == null || label.isBlank()) {
                    throw CliException.badInput("--label: --dataset csv needs --label COLUMN");
                }
                yield label;
            }
            default -> throw CliException.badInput("--dataset: unknown dataset '" + dataset + "' (known: amazon-access, csv)");
        };
    }

    static DecisionTable table(Path file, String labelColumn) {
        try {
            return DecisionTable.readCsv(file, labelColumn);
        } catch (ModelException e) {
            throw CliException.badInput("--data: " + e.getMessage());
        }
    }

    /** 0-based row numbers, one a line; each must be a row of the data and appear once. */
    static int[] indexes(String flag, Path file, int rows) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            throw CliException.badInput(flag + ": no such file " + file);
        } catch (IOException e) {
            throw CliException.badInput(flag + ": cannot read " + file + ": " + e.getMessage());
        }
        BitSet seen = new BitSet(rows);
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String where = flag + ": " + file + ":" + (i + 1) + ": ";
            int row;
            try {
                row = Integer.parseInt(line);
            } catch (NumberFormatException e) {
                throw CliException.badInput(where + "'" + line + "' is not a row number");
            }
            if (row < 0 || row >= rows) {
                throw CliException.badInput(where + "row " + row + " is out of range (the data has " + rows + " rows, numbered from 0)");
            }
            if (seen.get(row)) {
                throw CliException.badInput(where + "row " + row + " is listed twice");
            }
            seen.set(row);
            indexes.add(row);
        }
        if (indexes.isEmpty()) {
            throw CliException.badInput(flag + ": " + file + " lists no rows");
        }
        return indexes.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Rows of the test part also in the training part: a leak, refused. */
    static void disjoint(int[] train, int[] test, int rows) {
        BitSet training = new BitSet(rows);
        for (int row : train) {
            training.set(row);
        }
        for (int row : test) {
            if (training.get(row)) {
                throw CliException.badInput("--test-index: row " + row + " is also in --train-index");
            }
        }
    }

    static void writeJson(Path out, Object value) {
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(out, ContextCommand.JSON.writeValueAsString(value) + System.lineSeparator());
        } catch (IOException e) {
            throw CliException.failed("--out: cannot write " + out + ": " + e.getMessage());
        }
    }

    /** Progress lines go to stderr, and only when a person is watching. */
    static void progress(boolean quiet, String message) {
        if (!quiet && System.console() != null) {
            System.err.println(message);
        }
    }
}
