package io.countersign.connectors.entra;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.countersign.connectors.InboundEvent;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One item of a Graph notification delivery as an inbox event. A change notification ({@code changeType}) becomes
 * {@code user.updated}, {@code group.created} and so on, with the changed object's id as target; a lifecycle
 * notification ({@code lifecycleEvent}) becomes {@code lifecycle.missed} and so on, with the subscription as
 * target. Graph gives no event time, so the time of receipt stands in. The {@code clientState} is left out of the
 * payload: it is a shared secret.
 *
 * @param lifecycleEvent the lifecycle event, or {@code null} for a change notification
 */
record GraphNotification(InboundEvent event, String lifecycleEvent) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Optional<GraphNotification> of(JsonNode item, Instant receivedAt) {
        String subscription = text(item, "subscriptionId");
        String changeType = text(item, "changeType");
        String lifecycle = text(item, "lifecycleEvent");
        if (subscription == null || (changeType == null) == (lifecycle == null)) {
            return Optional.empty();
        }
        ObjectNode payload = ((ObjectNode) item).deepCopy();
        payload.remove("clientState");
        Map<String, Object> fields = JSON.convertValue(payload, new TypeReference<Map<String, Object>>() { });
        if (lifecycle != null) {
            String id = "lifecycle:" + subscription + ":" + lifecycle + ":" + Optional.ofNullable(text(item, "id"))
                    .orElseGet(() -> String.valueOf(text(item, "subscriptionExpirationDateTime")));
            return Optional.of(new GraphNotification(new InboundEvent(EntraDirectoryReader.PLATFORM, id, EntraNotifications.STREAM,
                    "lifecycle." + lifecycle, receivedAt, null, subscription, lifecycle, null, fields), lifecycle));
        }
        String resource = String.valueOf(text(item, "resource"));
        JsonNode data = item.path("resourceData");
        String own = Optional.ofNullable(text(item, "id")).orElseGet(() -> data.has("sequenceNumber") ? "seq:" + data.get("sequenceNumber").asString() : "");
        String id = "change:" + subscription + ":" + resource + ":" + changeType + ":" + own;
        String kind = resource.toLowerCase(Locale.ROOT).startsWith("groups") ? "group" : resource.toLowerCase(Locale.ROOT).startsWith("users") ? "user" : "object";
        String target = Optional.ofNullable(text(data, "id")).orElse(resource);
        return Optional.of(new GraphNotification(new InboundEvent(EntraDirectoryReader.PLATFORM, id, EntraNotifications.STREAM,
                kind + "." + changeType, receivedAt, null, target, changeType, null, fields), null));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asString();
    }
}
