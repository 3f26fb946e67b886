package io.countersign.connectors.okta;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Okta's error answers ({@code errorCode}, {@code errorSummary}, {@code errorCauses}) read into one line. */
final class OktaErrors {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_BODY = 200;

    /**
     * One failed call.
     *
     * @param status the HTTP status, or 0 when Okta could not be reached
     */
    record Problem(int status, String errorCode, String summary, List<String> causes) {

        /** The {@code ConnectorException} code for it. */
        String connectorCode() {
            return switch (status) {
                case 0 -> "connector.unreachable";
                case 401 -> "okta.unauthorized";
                case 403 -> "okta.forbidden";
                case 404 -> "okta.not-found";
                case 429 -> "okta.rate-limited";
                default -> status >= 500 ? "okta.unavailable" : "okta.refused";
            };
        }

        @Override
        public String toString() {
            return (status == 0 ? "unreachable" : Integer.toString(status)) + (errorCode == null ? "" : " " + errorCode) + " " + summary
                    + (causes.isEmpty() ? "" : " (" + String.join("; ", causes) + ")");
        }
    }

    private OktaErrors() {
    }

    /** Reads Okta's error body; anything else is quoted, shortened, as the summary. */
    static Problem of(int status, String body, String fallback) {
        if (body != null && !body.isBlank()) {
            try {
                JsonNode error = JSON.readTree(body);
                if (error.isObject() && error.hasNonNull("errorCode")) {
                    List<String> causes = new ArrayList<>();
                    error.path("errorCauses").values().forEach(c -> causes.add(c.path("errorSummary").asString("")));
                    return new Problem(status, error.get("errorCode").asString(), error.path("errorSummary").asString(""), causes);
                }
            } catch (JacksonException notJson) {
                // quoted below
            }
            String text = body.strip();
            return new Problem(status, null, text.length() > MAX_BODY ? text.substring(0, MAX_BODY) + "..." : text, List.of());
        }
        return new Problem(status, null, fallback == null ? "no answer" : fallback, List.of());
    }
}
