package io.countersign.connectors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a secret lives: {@code env:NAME} (an environment variable) or {@code file:PATH} (a file whose content,
 * trimmed, is the secret). Configuration holds only the reference; the secret is read when a connector is
 * made and is never logged, ledgered or shown: {@link #toString()} names the reference, never the value.
 */
public final class SecretRef {

    private final String kind;
    private final String location;

    private SecretRef(String kind, String location) {
        this.kind = kind;
        this.location = location;
    }

    /** Parses a reference; {@code field} names the configuration property in the error. */
    public static SecretRef parse(String field, String reference) {
        Objects.requireNonNull(field, "field == null");
        if (reference == null || reference.isBlank()) {
            throw new ConnectorException("connector.config", field + ": is required (env:NAME or file:PATH)");
        }
        if (reference.startsWith("env:") && reference.length() > 4) {
            return new SecretRef("env", reference.substring(4));
        }
        if (reference.startsWith("file:") && reference.length() > 5) {
            return new SecretRef("file", reference.substring(5));
        }
        throw new ConnectorException("connector.config", field + ": must be a reference, env:NAME or file:PATH, never the secret itself");
    }

    public static SecretRef file(Path path) {
        return new SecretRef("file", path.toString());
    }

    /** The secret itself; call it where the secret is used, and keep the result out of logs and the ledger. */
    public String reveal() {
        if (kind.equals("env")) {
            String value = System.getenv(location);
            if (value == null || value.isBlank()) {
                throw new ConnectorException("connector.secret", "environment variable " + location + " is not set");
            }
            return value.strip();
        }
        try {
            String value = Files.readString(Path.of(location)).strip();
            if (value.isEmpty()) {
                throw new ConnectorException("connector.secret", "secret file " + location + " is empty");
            }
            return value;
        } catch (IOException e) {
            throw new ConnectorException("connector.secret", "cannot read secret file " + location + " (" + e.getClass().getSimpleName() + ")");
        }
    }


    @Override
    public String toString() {
        return kind + ":" + location + " (****)";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecretRef s && s.kind.equals(kind) && s.location.equals(location);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, location);
    }
}
