package io.countersign.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Flags every command takes: where the data lives. */
final class GlobalOptions {

    @Option(names = "--data-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Directory of the embedded database and keys (default: ${DEFAULT-VALUE}).")
    Path dataDir = Path.of("var");

    @Option(names = "--db-url", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "JDBC URL of a PostgreSQL server to use instead of the embedded database.")
    String dbUrl;

    @Option(names = "--db-user", paramLabel = "USER", scope = ScopeType.INHERIT, description = "User name for --db-url.")
    String dbUser;

    @Option(names = "--db-password-file", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "File holding the password for --db-url.")
    Path dbPasswordFile;

    @Option(names = "--policy-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Policy files to use instead of the defaults shipped in the jar.")
    Path policyDir;

    /** Checked before any command runs, so a bad flag is reported even where the command would not use it. */
    void validate() {
        if (dbUrl != null && !dbUrl.startsWith("jdbc:postgresql:")) {
            throw CliException.badInput("--db-url: '" + dbUrl + "' is not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db)");
        }
        if (dbPasswordFile != null && !Files.isReadable(dbPasswordFile)) {
            throw CliException.badInput("--db-password-file: cannot read " + dbPasswordFile);
        }
        if (policyDir != null && !Files.isDirectory(policyDir)) {
            throw CliException.badInput("--policy-dir: " + policyDir + " is not a directory");
        }
    }

    Map<String, Object> properties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("countersign.data-dir", dataDir.toAbsolutePath().toString());
        if (dbUrl != null) {
            p.put("countersign.database.url", dbUrl);
            p.put("countersign.database.user", dbUser == null ? "" : dbUser);
            if (dbPasswordFile != null) {
                p.put("countersign.database.password-file", dbPasswordFile.toAbsolutePath().toString());
            }
        }
        if (policyDir != null) {
            p.put("countersign.policy.directory", policyDir.toAbsolutePath().toString());
        }
        return p;
    }
}
