package io.countersign.database.internal;

/** The database could not be started or reached; the message names the directory or URL and the cause. */
final class DatabaseStartException extends RuntimeException {

    DatabaseStartException(String message) {
        super(message);
    }

    DatabaseStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
