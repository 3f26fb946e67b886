package io.countersign.simulator.internal.scim;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.node.ObjectNode;

/**
 * What the stand-in needs of one resource type ({@code Users} or {@code Groups}) to serve it generically: its
 * resources as JSON, and creating, replacing and deleting them in the tenant. Implementations run writes under
 * the stand-in's write lock, so a version checked with {@code If-Match} is still current when the write lands.
 */
interface ScimResourceType {

    /** {@code User} or {@code Group}, as in {@code meta.resourceType}. */
    String name();

    /** The core schema, which a created resource must declare. */
    String schema();

    /** The extension schemas whose attributes live in their own object. */
    Set<String> extensions();

    /** Every resource of the platform, in a stable order, as JSON without {@code meta}. */
    List<ObjectNode> all(String platform, String baseUrl);

    Optional<ObjectNode> one(String platform, String id, String baseUrl);

    /** Creates the resource {@code body} describes; answers its id. */
    String create(String platform, ObjectNode body);

    void replace(String platform, String id, ObjectNode body);

    void delete(String platform, String id);
}
