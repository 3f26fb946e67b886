package io.countersign.connectors.scim;

import com.fasterxml.jackson.core.JacksonException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ErrorResponse;
import io.countersign.connectors.ChangeResult;
import io.countersign.connectors.ConnectorException;

/**
 * A SCIM call that did not succeed: the provider's answer in the SCIM error schema ({@code status},
 * {@code scimType}, {@code detail}), or no usable answer at all ({@link #status()} 0). The module's one
 * exception type; it never carries request headers, so never the bearer token.
 */
final class ScimFailure extends RuntimeException {

    private final int status;
    private final boolean retryable;

    ScimFailure(String call, int status, String scimType, String detail, boolean retryable) {
        super(call + ": " + describe(status, scimType, detail));
        this.status = status;
        this.retryable = retryable;
    }

    /** The provider answered with an error (its body in the SCIM error schema, or only a status). */
    static ScimFailure answered(String call, ScimException e) {
        ErrorResponse error = e.getScimError();
        int status = error == null || error.getStatus() == null ? 0 : error.getStatus();
        String detail = error == null ? e.getMessage() : error.getDetail();
        boolean retryable = status == 412 || status == 429 || status >= 500 && status != 501;
        return new ScimFailure(call, status, error == null ? null : error.getScimType(), detail, retryable);
    }

    /** No usable answer: unreachable after the retries, or an answer that is not SCIM JSON. */
    static ScimFailure unusable(String call, RuntimeException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        if (cause instanceof ConnectorException unreachable) {
            return new ScimFailure(call, 0, null, "no answer: " + unreachable.getMessage(), true);
        }
        if (cause instanceof JacksonException json) {
            return new ScimFailure(call, 0, null, "the answer is not SCIM JSON (malformed or truncated: "
                    + firstLine(json.getOriginalMessage()) + ")", false);
        }
        return new ScimFailure(call, 0, null, "the answer could not be read: " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : " " + firstLine(cause.getMessage())), false);
    }

    int status() {
        return status;
    }

    boolean preconditionFailed() {
        return status == 412;
    }

    /**
     * What a write's caller is told: the provider refused (bad request, no such resource, conflict, not
     * implemented) is {@code Rejected}; credentials refused, a resource that kept changing, rate limits and
     * server errors that outlasted the retries, and unusable answers are {@code Failed}.
     */
    ChangeResult toResult() {
        return switch (status) {
            case 400, 404, 409, 413, 501 -> new ChangeResult.Rejected(getMessage());
            default -> new ChangeResult.Failed(getMessage(), retryable);
        };
    }

    private static String describe(int status, String scimType, String detail) {
        if (status == 0) {
            return firstLine(detail);
        }
        String head = "SCIM " + status + (scimType == null || scimType.isBlank() ? "" : " " + scimType);
        return detail == null || detail.isBlank() ? head : head + ": " + firstLine(detail);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        String line = text.lines().findFirst().orElse("").strip();
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
