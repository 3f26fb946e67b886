package io.countersign.ai.internal;

import java.util.Arrays;

/** Quantile borders of a numeric input, and the bucket of a value: the number of borders below it. */
final class Buckets {

    private Buckets() {
    }

    /** Up to {@code maxBorders} (at most 255) borders, each halfway between a quantile and the next larger value. */
    static float[] borders(float[] values, int maxBorders) {
        float[] sorted = values.clone();
        Arrays.sort(sorted);
        float[] borders = new float[maxBorders];
        int count = 0;
        for (int i = 1; i <= maxBorders; i++) {
            float value = sorted[(int) ((long) i * (sorted.length - 1) / (maxBorders + 1))];
            int next = bucket(Math.nextUp(value), sorted);
            while (next < sorted.length && sorted[next] <= value) {
                next++;
            }
            if (next < sorted.length) {
                float border = (value + sorted[next]) / 2;
                if (count == 0 || border > borders[count - 1]) {
                    borders[count++] = border;
                }
            }
        }
        return Arrays.copyOf(borders, count);
    }

    static byte[] of(float[] values, float[] borders) {
        byte[] buckets = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            buckets[i] = (byte) bucket(values[i], borders);
        }
        return buckets;
    }

    static int bucket(float value, float[] borders) {
        int low = 0;
        int high = borders.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (borders[middle] < value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
