package io.countersign.connectors;

/** New platform events are in the inbox, waiting to be processed. Published durably with the events. */
public record InboundEventsStored(String platform, String stream, int count) {
}
