package io.countersign.cli;

/** Ends a command with one line on stderr and an exit code: 2 for bad input, 1 for a failed operation. */
final class CliException extends RuntimeException {

    private final int exitCode;

    private CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    static CliException badInput(String message) {
        return new CliException(2, message);
    }

    static CliException failed(String message) {
        return new CliException(1, message);
    }

    int exitCode() {
        return exitCode;
    }
}
