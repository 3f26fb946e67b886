package io.countersign.connectors;

import java.util.List;

/**
 * One page of a platform's event feed.
 *
 * @param nextCursor where the next read starts (a next-link URL or a timestamp), to be stored with the events
 * @param more       whether the platform said more is waiting now (an empty last page still carries a cursor)
 */
public record EventPage(List<InboundEvent> events, String nextCursor, boolean more) {

    public EventPage {
        events = List.copyOf(events);
    }
}
