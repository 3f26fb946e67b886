package io.countersign.lifecycle.requests;

import java.util.Objects;

/**
 * A request that cannot be taken or found. Stable codes: {@code request.invalid} (bad input; {@link #field()}
 * names the field), {@code request.not-found}, {@code request.no-model} (no history to train on).
 */
public class RequestException extends RuntimeException {

    private final String code;
    private final String field;

    private RequestException(String code, String field, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code == null");
        this.field = field;
    }

    /** Bad input; the message starts with the field's name. */
    public static RequestException invalid(String field, String reason) {
        return new RequestException("request.invalid", field, field + ": " + reason);
    }

    public static RequestException notFound(String id) {
        return new RequestException("request.not-found", null, "request " + id + " does not exist");
    }

    public static RequestException noModel(String reason) {
        return new RequestException("request.no-model", null, reason);
    }

    public String code() {
        return code;
    }

    /** The offending input field, or {@code null}. */
    public String field() {
        return field;
    }
}
