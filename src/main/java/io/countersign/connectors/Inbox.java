package io.countersign.connectors;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where platform events land before anything acts on them: stored first (webhooks acknowledge only after
 * this), deduplicated on the platform's event id, then processed. Poll cursors are kept here too, and a
 * page of events is stored in the same transaction as the cursor after it, so a crash can neither lose a
 * page nor store it twice.
 */
public interface Inbox {

    /** Stores what is new; returns how many were new (a redelivered event counts 0). */
    int store(List<InboundEvent> events);

    /** Stores a page and moves the stream's cursor past it, atomically. */
    int storePage(String platform, String stream, EventPage page);

    Optional<String> cursor(String platform, String stream);

    /**
     * Forgets where a feed was read up to, e.g. when a platform's tenant is replaced and old next-links point
     * nowhere; the next poll starts from the reader's configured beginning. Stored events stay.
     */
    void resetCursor(String platform, String stream);

    /** Unprocessed events, oldest first. */
    List<InboundEvent> pending(int limit);

    /** Unprocessed events of one stream, oldest first. */
    List<InboundEvent> pending(String platform, String stream, int limit);

    /**
     * Marks an event processed; joins the caller's transaction, so a workflow records its first state and the
     * marker together. Returns false when it was already processed (or is unknown): the caller then does nothing.
     */
    boolean markProcessed(String platform, String eventId);

    /** A stored event, processed or not. */
    Optional<InboundEvent> find(String platform, String eventId);

    /** When the event reached the inbox, the start of any service-level clock. */
    Optional<Instant> receivedAt(String platform, String eventId);

    long count(String platform, String stream);
}
