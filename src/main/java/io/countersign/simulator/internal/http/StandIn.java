package io.countersign.simulator.internal.http;

import java.io.IOException;

import com.sun.net.httpserver.HttpExchange;

/**
 * One platform's wire format, served under a path prefix of the stand-in server. Implementations answer as
 * the platform does (status codes, headers, error bodies, paging links), since clients nobody here wrote
 * check their fidelity.
 */
public interface StandIn {

    /** The path this stand-in owns, e.g. {@code /api/v1} for Okta or {@code /graph} for Microsoft Graph. */
    String prefix();

    /** A line for the operator: what it serves and where, e.g. {@code okta  http://127.0.0.1:8400  (SSWS token)}. */
    String describe(String baseUrl);

    void handle(HttpExchange exchange) throws IOException;

    /** Stops whatever the stand-in runs in the background (e.g. notification delivery) when the server stops. */
    default void close() {
    }
}
