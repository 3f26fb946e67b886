package io.countersign.connectors;

import io.countersign.directory.PlatformSnapshot;

/**
 * The read side of a platform: its directory (users, groups, memberships, application assignments) and
 * its event feeds. A vendor module implements it next to its {@link Connector}; vendor types stay inside.
 */
public interface TenantReader {

    String platform();

    /** Reads every user, group, membership and application assignment, following the platform's paging. */
    PlatformSnapshot readDirectory();

    /** Reads one page of {@code stream} from {@code cursor} (empty: the platform's start, as configured). */
    EventPage readEvents(String stream, java.util.Optional<String> cursor);

    /** The event streams this platform offers, e.g. {@code system_log}; none by default. */
    default java.util.List<String> streams() {
        return java.util.List.of();
    }
}
