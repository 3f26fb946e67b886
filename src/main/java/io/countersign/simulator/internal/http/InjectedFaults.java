package io.countersign.simulator.internal.http;

import java.util.concurrent.atomic.AtomicLong;

import io.countersign.simulator.StandInOptions;

/** Counts one stand-in's requests and says which to fail, as {@link StandInOptions} asks: every n-th with a 429, every m-th with a 503. */
public final class InjectedFaults {

    /** What to answer instead of the real thing. */
    public enum Fault { NONE, RATE_LIMITED, UNAVAILABLE }

    private final AtomicLong requests = new AtomicLong();
    private final StandInOptions options;

    public InjectedFaults(StandInOptions options) {
        this.options = options;
    }

    public Fault next() {
        long n = requests.incrementAndGet();
        if (options.rateLimitEvery() > 0 && n % options.rateLimitEvery() == 0) {
            return Fault.RATE_LIMITED;
        }
        if (options.serverErrorEvery() > 0 && n % options.serverErrorEvery() == 0) {
            return Fault.UNAVAILABLE;
        }
        return Fault.NONE;
    }
}
