package io.countersign.connectors.scim;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.client.ScimService;
import com.unboundid.scim2.client.requests.ModifyRequestBuilder;
import com.unboundid.scim2.client.requests.ReplaceRequestBuilder;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.common.messages.PatchRequest;
import io.countersign.connectors.ResilientHttp;
import jakarta.ws.rs.ProcessingException;
import org.glassfish.jersey.client.ClientConfig;
import org.glassfish.jersey.client.JerseyClientBuilder;

/**
 * The SCIM calls the connector makes, through UnboundID's SDK over {@link ResilientHttpConnector}. Every
 * failure surfaces as a {@link ScimFailure}. What the provider supports (PATCH, the User resource's schema
 * extensions, a schema's attributes) is asked once and remembered.
 */
final class ScimClient {

    static final String USERS = "Users";
    static final String GROUPS = "Groups";
    static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private final ScimService service;
    private final int pageSize;
    private final Map<String, Optional<Set<String>>> schemaAttributes = new ConcurrentHashMap<>();
    private volatile Boolean patch;
    private volatile Set<String> userSchemas;

    ScimClient(URI baseUrl, String bearerToken, int pageSize, ResilientHttp.Policy policy) {
        this.pageSize = pageSize;
        ResilientHttp http = new ResilientHttp(policy);
        ClientConfig config = new ClientConfig().connectorProvider((client, configuration) -> new ResilientHttpConnector(http, bearerToken));
        this.service = new ScimService(JerseyClientBuilder.createClient(config).target(baseUrl));
    }

    /** The resource whose {@code attribute} equals {@code value} (compared without case, as SCIM's {@code eq} does). */
    Optional<GenericScimResource> find(String endpoint, String attribute, String value) {
        ListResponse<GenericScimResource> found = call("GET /" + endpoint + "?filter=" + attribute + " eq …",
                () -> service.searchRequest(endpoint).filter(Filter.eq(attribute, value)).invoke(GenericScimResource.class));
        return resources(found).stream().filter(r -> value.equalsIgnoreCase(ScimValues.text(r, attribute))).findFirst();
    }

    GenericScimResource get(String endpoint, String id) {
        return call("GET /" + endpoint + "/" + id, () -> service.retrieve(endpoint, id, GenericScimResource.class));
    }

    GenericScimResource create(String endpoint, ObjectNode resource) {
        return call("POST /" + endpoint, () -> service.createRequest(endpoint, new GenericScimResource(resource)).invoke());
    }

    /** PUT of {@code replacement} over {@code current}, with {@code If-Match} when {@code current} carries a version. */
    void replace(String endpoint, GenericScimResource current, ObjectNode replacement) {
        ObjectNode body = replacement.deepCopy();
        body.remove("meta");
        body.put("id", current.getId());
        call("PUT /" + endpoint + "/" + current.getId(), () -> {
            ReplaceRequestBuilder<GenericScimResource> put = service.replaceRequest(relative(endpoint, current.getId()), new GenericScimResource(body));
            ifMatch(put, current);
            return put.invoke(GenericScimResource.class);
        });
    }

    /** Applies {@code operations}: a PATCH, or where the provider has no PATCH, a PUT of the resource with them applied here. */
    void modify(String endpoint, GenericScimResource current, List<PatchOperation> operations) {
        if (!patchSupported()) {
            GenericScimResource changed = new GenericScimResource(current.getObjectNode().deepCopy());
            call("apply PATCH to " + endpoint + "/" + current.getId(), () -> {
                new PatchRequest(operations).apply(changed);
                return changed;
            });
            replace(endpoint, current, changed.getObjectNode());
            return;
        }
        call("PATCH /" + endpoint + "/" + current.getId(), () -> {
            ModifyRequestBuilder.Typed request = service.modifyRequest(endpoint, current.getId());
            operations.forEach(request::addOperation);
            String version = ScimValues.version(current);
            if (version != null) {
                request.ifMatch(version);
            }
            return request.invoke(GenericScimResource.class);
        });
    }

    /**
     * Every resource of {@code endpoint}, page by page ({@code startIndex}, {@code count}) until {@code totalResults}.
     * A provider that ignores {@code startIndex} would hand out its first page forever; that is reported, not looped.
     */
    List<GenericScimResource> all(String endpoint) {
        List<GenericScimResource> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int start = 1;
        while (true) {
            int from = start;
            String call = "GET /" + endpoint + "?startIndex=" + from + "&count=" + pageSize;
            ListResponse<GenericScimResource> page = call(call, () -> service.searchRequest(endpoint).page(from, pageSize).invoke(GenericScimResource.class));
            List<GenericScimResource> items = resources(page);
            boolean repeated = !items.isEmpty() && items.stream().allMatch(r -> seen.contains(r.getId()));
            if (page.getStartIndex() != null && page.getStartIndex() != from || repeated) {
                throw new ScimFailure(call, 0, null, "the provider ignored startIndex (answered from " + page.getStartIndex()
                        + "), so no more than " + all.size() + " of " + page.getTotalResults() + " can be read", false);
            }
            items.forEach(r -> {
                all.add(r);
                seen.add(r.getId());
            });
            if (items.isEmpty() || all.size() >= page.getTotalResults()) {
                return all;
            }
            start += items.size();
        }
    }

    /** Whether the provider says it supports PATCH; assumed when it does not say (PATCH is what providers implement). */
    boolean patchSupported() {
        if (patch == null) {
            patch = discover("GET /ServiceProviderConfig", () -> {
                JsonNode supported = service.retrieveRequest(URI.create("ServiceProviderConfig")).invoke(GenericScimResource.class)
                        .getObjectNode().path("patch").path("supported");
                return supported.isBoolean() ? supported.booleanValue() : Boolean.TRUE;
            }).orElse(Boolean.TRUE);
        }
        return patch;
    }

    /** The schemas of the provider's User resource type: its core schema and its extensions, from {@code /ResourceTypes}. */
    Set<String> userSchemas() {
        if (userSchemas == null) {
            userSchemas = discover("GET /ResourceTypes", () -> {
                Set<String> schemas = new LinkedHashSet<>(Set.of(CORE_USER));
                for (GenericScimResource type : resources(service.searchRequest("ResourceTypes").invoke(GenericScimResource.class))) {
                    ObjectNode node = type.getObjectNode();
                    if ("/Users".equals(node.path("endpoint").asText()) || "User".equals(node.path("name").asText())) {
                        node.path("schemaExtensions").forEach(extension -> schemas.add(extension.path("schema").asText()));
                    }
                }
                return Set.copyOf(schemas);
            }).orElse(Set.of(CORE_USER));
        }
        return userSchemas;
    }

    /** Whether the User resource holds {@code path} ({@code urn:…:attribute} or a core attribute), by its resource type and schema. */
    boolean userHolds(String path) {
        int colon = path.lastIndexOf(':');
        String schema = path.startsWith("urn:") ? path.substring(0, colon) : CORE_USER;
        String attribute = path.startsWith("urn:") ? path.substring(colon + 1) : path;
        if (!userSchemas().contains(schema)) {
            return false;
        }
        Optional<Set<String>> attributes = schemaAttributes.computeIfAbsent(schema, urn -> discover("GET /Schemas/" + urn, () -> {
            Set<String> names = new HashSet<>();
            service.retrieveRequest(relative("Schemas", urn)).invoke(GenericScimResource.class).getObjectNode().path("attributes")
                    .forEach(a -> names.add(a.path("name").asText().toLowerCase(Locale.ROOT)));
            return Set.copyOf(names);
        }));
        return attributes.map(names -> names.contains(attribute.toLowerCase(Locale.ROOT))).orElse(true);
    }

    /** A discovery call: the provider may not offer the endpoint (404, 501), which means "not said", not an error. */
    private <T> Optional<T> discover(String call, Call<T> discovery) {
        try {
            return Optional.of(call(call, discovery));
        } catch (ScimFailure e) {
            if (e.status() == 404 || e.status() == 501) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static void ifMatch(ReplaceRequestBuilder<GenericScimResource> put, GenericScimResource current) {
        String version = ScimValues.version(current);
        if (version != null) {
            put.header("If-Match", version);
        }
    }

    private static List<GenericScimResource> resources(ListResponse<GenericScimResource> page) {
        return page == null || page.getResources() == null ? List.of() : page.getResources();
    }

    private static URI relative(String endpoint, String id) {
        try {
            return new URI(null, null, endpoint + "/" + id, null);
        } catch (URISyntaxException e) {
            throw new ScimFailure(endpoint, 0, null, "id " + id + " cannot be part of a URL", false);
        }
    }

    private interface Call<T> {
        T run() throws ScimException;
    }

    private static <T> T call(String call, Call<T> body) {
        try {
            return body.run();
        } catch (ScimException e) {
            throw ScimFailure.answered(call, e);
        } catch (ProcessingException | IllegalStateException e) {
            throw ScimFailure.unusable(call, e);
        }
    }
}
