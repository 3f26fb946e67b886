package io.countersign.connectors;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A platform event, normalised: a sign-in, an audit record, a risk detection, a change notification or an
 * HR worker event. {@code eventId} is the platform's own id (Okta's {@code uuid}, Graph's {@code id}), the
 * key that makes redelivery harmless.
 *
 * @param stream  which feed it came from, e.g. {@code system_log}, {@code sign_ins}, {@code worker_events}
 * @param actor   who did it (a login or object id), if the platform says
 * @param target  what it was done to, if the platform says
 * @param outcome {@code SUCCESS}, {@code FAILURE} or the platform's word
 * @param payload the platform's record as received, minus anything secret
 */
public record InboundEvent(String platform, String eventId, String stream, String type, Instant occurredAt, String actor,
                           String target, String outcome, String sourceIp, Map<String, Object> payload) {

    public InboundEvent {
        Objects.requireNonNull(platform, "platform == null");
        Objects.requireNonNull(eventId, "eventId == null");
        Objects.requireNonNull(stream, "stream == null");
        Objects.requireNonNull(type, "type == null");
        Objects.requireNonNull(occurredAt, "occurredAt == null");
        payload = payload == null ? Map.of() : payload;
    }
}
