package io.countersign.simulator.internal.scim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The service provider's self-description (RFC 7644 §4): {@code /ServiceProviderConfig}, {@code /ResourceTypes}
 * and {@code /Schemas}, from {@code simulator/scim-discovery.json}, with this server's locations, page limit and
 * PATCH support filled in.
 */
final class ScimDiscovery {

    private static final String RESOURCE = "/simulator/scim-discovery.json";

    private final JsonNode document;
    private final boolean patch;
    private final int maxResults;

    ScimDiscovery(boolean patch, int maxResults) {
        try (InputStream in = ScimDiscovery.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            this.document = ScimJson.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        this.patch = patch;
        this.maxResults = maxResults;
    }

    ObjectNode serviceProviderConfig(String baseUrl) {
        ObjectNode config = (ObjectNode) document.get("ServiceProviderConfig").deepCopy();
        config.withObjectProperty("patch").put("supported", patch);
        config.withObjectProperty("filter").put("maxResults", maxResults);
        config.putObject("meta").put("resourceType", "ServiceProviderConfig").put("location", baseUrl + "/ServiceProviderConfig");
        return config;
    }

    List<ObjectNode> resourceTypes(String baseUrl) {
        return located(document.get("ResourceTypes"), "ResourceType", baseUrl + "/ResourceTypes/");
    }

    List<ObjectNode> schemas(String baseUrl) {
        return located(document.get("Schemas"), "Schema", baseUrl + "/Schemas/");
    }

    static Optional<ObjectNode> byId(List<ObjectNode> resources, String id) {
        return resources.stream().filter(r -> id.equals(r.path("id").asString(""))).findFirst();
    }

    private static List<ObjectNode> located(JsonNode resources, String type, String locationPrefix) {
        List<ObjectNode> located = new ArrayList<>();
        for (JsonNode resource : resources.values()) {
            ObjectNode copy = (ObjectNode) resource.deepCopy();
            copy.putObject("meta").put("resourceType", type).put("location", locationPrefix + copy.path("id").asString(""));
            located.add(copy);
        }
        return located;
    }
}
