package io.countersign.simulator.internal.okta;

import java.time.Instant;

import com.sun.net.httpserver.Headers;

/**
 * Okta's rate-limit headers on every answer: one window per minute for the whole org, {@code X-Rate-Limit-Limit},
 * {@code -Remaining} and {@code -Reset} (the window's end in epoch seconds). A request beyond the limit is refused.
 */
final class RateLimits {

    private final int perMinute;
    private long window = -1;
    private int used;

    RateLimits(int perMinute) {
        this.perMinute = perMinute;
    }

    /** Counts the request and stamps the headers; false when the window is used up. */
    synchronized boolean admit(Headers headers) {
        long now = Instant.now().getEpochSecond();
        long current = now - now % 60;
        if (current != window) {
            window = current;
            used = 0;
        }
        boolean admitted = used < perMinute;
        if (admitted) {
            used++;
        }
        stamp(headers, perMinute - used, window + 60);
        return admitted;
    }

    /** Stamps the headers of an injected 429: nothing remains, and the window resets in a second. */
    void refuseBriefly(Headers headers) {
        stamp(headers, 0, Instant.now().getEpochSecond() + 1);
    }

    private void stamp(Headers headers, int remaining, long reset) {
        headers.set("X-Rate-Limit-Limit", Integer.toString(perMinute));
        headers.set("X-Rate-Limit-Remaining", Integer.toString(Math.max(0, remaining)));
        headers.set("X-Rate-Limit-Reset", Long.toString(reset));
    }
}
