/**
 * The store: PostgreSQL only.
 *
 * <p>With no {@code countersign.database.url} configured, an embedded PostgreSQL (real binaries from a Maven
 * artifact) runs under {@code countersign.data-dir}; the first process to open a data directory owns the
 * server and stops it cleanly on shutdown, later processes on the same directory attach to it as clients.
 * A server left running by a killed process is stopped and restarted, so PostgreSQL's own crash recovery
 * brings the data back. Schema changes are Flyway migrations under {@code db/migration}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Database")
package io.countersign.database;
