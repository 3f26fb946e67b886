package io.countersign.simulator.internal.scim;

import java.util.List;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** One page of a SCIM list response (RFC 7644 §3.4.2): {@code startIndex} is 1-based, {@code totalResults} counts every match. */
record ScimList(ObjectNode json) {

    static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

    static ScimList of(List<ObjectNode> matching, int startIndex, int count) {
        int from = Math.min(startIndex - 1, matching.size());
        List<ObjectNode> page = matching.subList(from, Math.min(from + count, matching.size()));
        ObjectNode json = ScimJson.MAPPER.createObjectNode();
        json.putArray("schemas").add(SCHEMA);
        json.put("totalResults", matching.size());
        json.put("startIndex", startIndex);
        json.put("itemsPerPage", page.size());
        ArrayNode resources = json.putArray("Resources");
        page.forEach(resources::add);
        return new ScimList(json);
    }
}
