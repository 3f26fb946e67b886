package io.countersign.database.internal;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the data lives.
 *
 * @param embeddedDir  directory of the embedded PostgreSQL cluster, used when {@code url} is blank
 * @param url          JDBC URL of a PostgreSQL server; blank means the embedded database
 * @param user         user name for {@code url}
 * @param passwordFile file holding the password for {@code url}; never the password itself
 * @param poolSize     maximum number of pooled connections
 */
@ConfigurationProperties("countersign.database")
record DatabaseProperties(
        @DefaultValue("var/pg") Path embeddedDir,
        @DefaultValue("") String url,
        @DefaultValue("") String user,
        Path passwordFile,
        @DefaultValue("10") int poolSize) {

    boolean embedded() {
        return url.isBlank();
    }
}
