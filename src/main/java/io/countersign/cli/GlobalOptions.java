package io.countersign.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Option;

/**
 * Flags every command takes: where the data lives. They may come before the command
 * ({@code countersign --data-dir D demo}) or after it ({@code countersign demo --data-dir D}); after wins.
 */
final class GlobalOptions {

    static final Path DEFAULT_DATA_DIR = Path.of("var");

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Directory of the embedded database and keys (default: var).")
    Path dataDir;

    @Option(names = "--db-url", paramLabel = "URL", description = "JDBC URL of a PostgreSQL server to use instead of the embedded database.")
    String dbUrl;

    @Option(names = "--db-user", paramLabel = "USER", description = "User name for --db-url.")
    String dbUser;

    @Option(names = "--db-password-file", paramLabel = "FILE", description = "File holding the password for --db-url.")
    Path dbPasswordFile;

    @Option(names = "--policy-dir", paramLabel = "DIR", description = "Policy files to use instead of the defaults shipped in the jar.")
    Path policyDir;

    /** These options, with any left unset taken from {@code outer} (the flags given before the command). */
    GlobalOptions over(GlobalOptions outer) {
        GlobalOptions merged = new GlobalOptions();
        merged.dataDir = dataDir != null ? dataDir : outer.dataDir != null ? outer.dataDir : DEFAULT_DATA_DIR;
        merged.dbUrl = dbUrl != null ? dbUrl : outer.dbUrl;
        merged.dbUser = dbUser != null ? dbUser : outer.dbUser;
        merged.dbPasswordFile = dbPasswordFile != null ? dbPasswordFile : outer.dbPasswordFile;
        merged.policyDir = policyDir != null ? policyDir : outer.policyDir;
        return merged;
    }

    Map<String, Object> properties() {
        if (dbUrl != null && !dbUrl.startsWith("jdbc:postgresql:")) {
            throw CliException.badInput("--db-url: '" + dbUrl + "' is not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db)");
        }
        if (dbPasswordFile != null && !Files.isReadable(dbPasswordFile)) {
            throw CliException.badInput("--db-password-file: cannot read " + dbPasswordFile);
        }
        if (policyDir != null && !Files.isDirectory(policyDir)) {
            throw CliException.badInput("--policy-dir: " + policyDir + " is not a directory");
        }
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
