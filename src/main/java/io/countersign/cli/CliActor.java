package io.countersign.cli;

/** Who acts through the command line: the operating-system user on the host, as the ledger records it. */
final class CliActor {

    private CliActor() {
    }

    static String name() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }
}
