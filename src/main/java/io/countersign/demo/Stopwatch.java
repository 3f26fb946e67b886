package io.countersign.demo;

import java.time.Duration;

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

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
