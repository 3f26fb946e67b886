package io.countersign.demo;

/** Lap times in milliseconds. */
final class Stopwatch {

    private final long start = System.nanoTime();
    private long last = start;

    long lap() {
        long now = System.nanoTime();
        long millis = (now - last) / 1_000_000;
        last = now;
        return millis;
    }

    long total() {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
