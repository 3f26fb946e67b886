package io.countersign.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import io.countersign.testing.CountersignTest;
import org.springframework.jdbc.core.JdbcTemplate;

@CountersignTest
class DatabaseIntegrationTests {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void runsOnEmbeddedPostgresWithMigrationsApplied() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
        assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success", Integer.class)).isGreaterThanOrEqualTo(3);
    }

    @Test
    void acknowledgesACommitOnlyOnceItIsOnDisk() {
        assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("on");
        assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
    }
}
