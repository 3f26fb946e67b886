package io.countersign.simulator.internal.okta;

import java.util.List;

/** An answer in Okta's error format ({@code errorCode}, {@code errorSummary}, {@code errorCauses}), thrown by a handler. */
final class OktaError extends RuntimeException {

    private final int status;
    private final String code;
    private final List<String> causes;

    OktaError(int status, String code, String summary, List<String> causes) {
        super(summary);
        this.status = status;
        this.code = code;
        this.causes = List.copyOf(causes);
    }

    static OktaError notFound(String id, String type) {
        return new OktaError(404, "E0000007", "Not found: Resource not found: " + id + " (" + type + ")", List.of());
    }

    static OktaError validation(String field, String cause) {
        return new OktaError(400, "E0000001", "Api validation failed: " + field, List.of(field + ": " + cause));
    }

    static OktaError malformedBody() {
        return new OktaError(400, "E0000003", "The request body was not well-formed.", List.of());
    }

    static OktaError methodNotAllowed() {
        return new OktaError(405, "E0000022", "The endpoint does not support the provided HTTP method", List.of());
    }

    static OktaError invalidSearch(String detail) {
        return new OktaError(400, "E0000031", "Invalid search criteria.", List.of(detail));
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    List<String> causes() {
        return causes;
    }
}
