package io.countersign.connectors;

/**
 * One run of an event poller.
 *
 * @param read   events the platform returned
 * @param stored events new to the inbox (the rest were redeliveries)
 * @param cursor where the next poll starts
 */
public record PollReport(String platform, String stream, int pages, int read, int stored, String cursor, long millis) {

    public double eventsPerSecond() {
        return read * 1000.0 / Math.max(1, millis);
    }
}
