package io.countersign.connectors;

import java.util.Set;

/**
 * One platform's client, made by a {@link ConnectorFactory}. Implementations translate to and from the
 * vendor's wire format and keep vendor types to themselves; they retry transient failures within their
 * own bounds and report the rest as {@link ChangeResult.Failed}.
 */
public interface Connector {

    /** The platforms this connector writes to, e.g. {@code okta}. */
    Set<String> platforms();

    ChangeResult apply(ConnectorWrite write);

    /** Reads the state a write was meant to produce. */
    ReadBack readBack(ConnectorWrite write);
}
