package io.countersign.connectors;

/** A connector could not be configured or found; {@link #code()} is stable. */
public final class ConnectorException extends RuntimeException {

    private final String code;

    public ConnectorException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
