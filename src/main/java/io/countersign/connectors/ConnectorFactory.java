package io.countersign.connectors;

import java.util.List;
import java.util.Map;

/**
 * Makes connectors of one kind from validated configuration (the provider pattern).
 *
 * <p>A secret property's value is a reference (an environment variable name or a file path), never the
 * secret itself; it is resolved when the connector is made and shown masked everywhere else.
 */
public interface ConnectorFactory {

    String id();

    List<ConfigProperty> properties();

    Connector create(Map<String, String> configuration);

    /** A configuration property a factory declares. */
    record ConfigProperty(String name, String description, boolean required, boolean secret) { }
}
