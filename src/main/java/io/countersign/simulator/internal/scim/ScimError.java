package io.countersign.simulator.internal.scim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An answer in the SCIM error schema (RFC 7644 §3.12): {@code status} as a string, {@code scimType} where the
 * RFC defines one for the case, and a {@code detail} a person can act on.
 */
final class ScimError extends RuntimeException {

    static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

    private final int status;
    private final String scimType;

    ScimError(int status, String scimType, String detail) {
        super(detail);
        this.status = status;
        this.scimType = scimType;
    }

    static ScimError invalidValue(String detail) {
        return new ScimError(400, "invalidValue", detail);
    }

    static ScimError invalidSyntax(String detail) {
        return new ScimError(400, "invalidSyntax", detail);
    }

    static ScimError notFound(String detail) {
        return new ScimError(404, null, detail);
    }

    int status() {
        return status;
    }

    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schemas", List.of(SCHEMA));
        body.put("status", Integer.toString(status));
        if (scimType != null) {
            body.put("scimType", scimType);
        }
        body.put("detail", getMessage());
        return body;
    }
}
