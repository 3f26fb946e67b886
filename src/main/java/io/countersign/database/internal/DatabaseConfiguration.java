package io.countersign.database.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link DataSource}: a PostgreSQL server when {@code countersign.database.url} is set, otherwise the
 * embedded cluster, which is stopped after the pool closes.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(DatabaseProperties properties) {
        if (!properties.embedded()) {
            return null;
        }
        return EmbeddedPostgresServer.startOrAttach(properties.embeddedDir());
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseProperties properties, org.springframework.beans.factory.ObjectProvider<EmbeddedPostgresServer> embedded) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("countersign");
        config.setMaximumPoolSize(properties.poolSize());
        if (properties.embedded()) {
            EmbeddedPostgresServer server = embedded.getObject();
            config.setJdbcUrl(server.jdbcUrl());
            config.setUsername(server.user());
        } else {
            config.setJdbcUrl(properties.url());
            config.setUsername(properties.user());
            config.setPassword(password(properties));
        }
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new DatabaseStartException("cannot connect to " + config.getJdbcUrl() + ": " + reason(e), e);
        }
    }

    /** The driver's words (host, port, authentication), not the pool's wrapper nor the socket's bare "Connection refused". */
    private static String reason(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException && t.getMessage() != null) {
                return t.getMessage().lines().findFirst().orElse("");
            }
        }
        return String.valueOf(e.getMessage());
    }

    private static String password(DatabaseProperties properties) {
        if (properties.passwordFile() == null) {
            return null;
        }
        try {
            return Files.readString(properties.passwordFile()).strip();
        } catch (IOException e) {
            throw new DatabaseStartException("countersign.database.password-file: cannot read " + properties.passwordFile()
                    + " (" + e.getClass().getSimpleName() + ")");
        }
    }
}
