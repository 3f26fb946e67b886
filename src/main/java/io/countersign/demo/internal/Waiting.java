package io.countersign.demo.internal;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls until a condition holds or time runs out, then returns the last value seen. */
final class Waiting {

    private Waiting() {
    }

    static <T> T until(Duration timeout, Supplier<T> value, Predicate<T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T current = value.get();
        while (!done.test(current) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return current;
            }
            current = value.get();
        }
        return current;
    }
}
