package io.countersign.ai.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.countersign.ai.DecisionTable;

/**
 * The one-hot features of the approval model: every column alone and every combination of up to
 * {@code order} columns (a "template"), each value combination seen in training being one feature with its
 * count of past requests and approvals. A combination is stored as a stable 64-bit hash of its values.
 */
public final class FeatureSpace {

    private final List<String> columns;
    private final int[][] templates;
    private final long[][] keys;
    private final int[][] requests;
    private final int[][] approvals;
    private final int[] offsets;
    private final KeyIndex[] index;

    private FeatureSpace(List<String> columns, int[][] templates, long[][] keys, int[][] requests, int[][] approvals) {
        this.columns = List.copyOf(columns);
        this.templates = templates;
        this.keys = keys;
        this.requests = requests;
        this.approvals = approvals;
        this.offsets = new int[templates.length + 1];
        this.index = new KeyIndex[templates.length];
        for (int t = 0; t < templates.length; t++) {
            offsets[t + 1] = offsets[t] + keys[t].length;
            index[t] = new KeyIndex(keys[t]);
        }
    }

    /** Counts every value combination of the table's rows. */
    public static FeatureSpace build(DecisionTable table, int order) {
        int[][] templates = templates(table.columns().size(), order);
        long[][] keys = new long[templates.length][];
        int[][] requests = new int[templates.length][];
        int[][] approvals = new int[templates.length][];
        String[] row = new String[table.columns().size()];
        long[][] rowKeys = new long[templates.length][table.size()];
        for (int r = 0; r < table.size(); r++) {
            Rows.read(table, r, row);
            for (int t = 0; t < templates.length; t++) {
                rowKeys[t][r] = key(t, templates[t], row);
            }
        }
        for (int t = 0; t < templates.length; t++) {
            long[] sorted = rowKeys[t].clone();
            Arrays.sort(sorted);
            keys[t] = distinct(sorted);
            requests[t] = new int[keys[t].length];
            approvals[t] = new int[keys[t].length];
            for (int r = 0; r < table.size(); r++) {
                int at = Arrays.binarySearch(keys[t], rowKeys[t][r]);
                requests[t][at]++;
                approvals[t][at] += table.approved(r) ? 1 : 0;
            }
        }
        return new FeatureSpace(table.columns(), templates, keys, requests, approvals);
    }

    static int[][] templates(int columnCount, int order) {
        List<int[]> list = new ArrayList<>();
        for (int size = 1; size <= order; size++) {
            combinations(columnCount, size, 0, new int[size], 0, list);
        }
        return list.toArray(int[][]::new);
    }

    private static void combinations(int n, int size, int start, int[] chosen, int depth, List<int[]> out) {
        if (depth == size) {
            out.add(chosen.clone());
            return;
        }
        for (int c = start; c < n; c++) {
            chosen[depth] = c;
            combinations(n, size, c + 1, chosen, depth + 1, out);
        }
    }

    private static long[] distinct(long[] sorted) {
        int count = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[count++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, count);
    }

    /** FNV-1a over the template number and its values, then a SplitMix finaliser: stable across JVMs. */
    static long key(int template, int[] columns, String[] row) {
        long h = 0xcbf29ce484222325L ^ template;
        for (int column : columns) {
            String value = row[column];
            for (int i = 0; i < value.length(); i++) {
                h = (h ^ value.charAt(i)) * 0x100000001b3L;
            }
            h = (h ^ 0x1F) * 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }

    /** The global feature number of each template's value combination in the row, or -1 where it was never seen. */
    public int[] encode(String[] row) {
        int[] ids = new int[templates.length];
        for (int t = 0; t < templates.length; t++) {
            int at = index[t].find(key(t, templates[t], row));
            ids[t] = at < 0 ? -1 : offsets[t] + at;
        }
        return ids;
    }

    public int size() {
        return offsets[templates.length];
    }

    public int templateCount() {
        return templates.length;
    }

    public List<String> columns() {
        return columns;
    }

    int[] template(int t) {
        return templates[t];
    }

    int requests(int id) {
        int t = templateOf(id);
        return requests[t][id - offsets[t]];
    }

    int approvals(int id) {
        int t = templateOf(id);
        return approvals[t][id - offsets[t]];
    }

    int templateOf(int id) {
        int t = Arrays.binarySearch(offsets, id);
        if (t >= 0) {
            while (t + 1 < offsets.length && offsets[t + 1] == id) {
                t++;
            }
            return t;
        }
        return -t - 2;
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(columns.size());
        for (String column : columns) {
            out.writeUTF(column);
        }
        out.writeInt(templates.length);
        for (int t = 0; t < templates.length; t++) {
            out.writeInt(templates[t].length);
            for (int c : templates[t]) {
                out.writeInt(c);
            }
            out.writeInt(keys[t].length);
            for (int i = 0; i < keys[t].length; i++) {
                out.writeLong(keys[t][i]);
                out.writeInt(requests[t][i]);
                out.writeInt(approvals[t][i]);
            }
        }
    }

    static FeatureSpace read(DataInputStream in) throws IOException {
        List<String> columns = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            columns.add(in.readUTF());
        }
        int count = in.readInt();
        int[][] templates = new int[count][];
        long[][] keys = new long[count][];
        int[][] requests = new int[count][];
        int[][] approvals = new int[count][];
        for (int t = 0; t < count; t++) {
            templates[t] = new int[in.readInt()];
            for (int c = 0; c < templates[t].length; c++) {
                templates[t][c] = in.readInt();
            }
            int size = in.readInt();
            keys[t] = new long[size];
            requests[t] = new int[size];
            approvals[t] = new int[size];
            for (int i = 0; i < size; i++) {
                keys[t][i] = in.readLong();
                requests[t][i] = in.readInt();
                approvals[t][i] = in.readInt();
            }
        }
        return new FeatureSpace(columns, templates, keys, requests, approvals);
    }
}
