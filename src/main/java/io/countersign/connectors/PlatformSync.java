package io.countersign.connectors;

import java.util.Optional;

import io.countersign.directory.Directory;
import io.countersign.directory.MergeSummary;
import io.countersign.directory.PlatformSnapshot;
import org.springframework.stereotype.Service;

/**
 * Reads platforms into Countersign: a platform's directory into the directory, its event feeds into the inbox.
 *
 * <p>Polling is resumable and idempotent: each page is stored in one transaction with the cursor after it, so
 * a crash between pages resumes at the next page, and a page read twice adds nothing (events are unique on
 * the platform's id).
 */
@Service
public class PlatformSync {

    private final ConnectorRegistry connectors;
    private final Directory directory;
    private final Inbox inbox;

    PlatformSync(ConnectorRegistry connectors, Directory directory, Inbox inbox) {
        this.connectors = connectors;
        this.directory = directory;
        this.inbox = inbox;
    }

    public SyncReport syncDirectory(String platform) {
        TenantReader reader = reader(platform);
        long start = System.nanoTime();
        PlatformSnapshot snapshot = reader.readDirectory();
        long read = System.nanoTime();
        MergeSummary merge = directory.mergePlatform(snapshot);
        return new SyncReport(merge, (read - start) / 1_000_000, (System.nanoTime() - read) / 1_000_000);
    }

    /** Reads up to {@code maxPages} pages of {@code stream}, each stored with its cursor, until the platform has no more. */
    public PollReport pollEvents(String platform, String stream, int maxPages) {
        TenantReader reader = reader(platform);
        long start = System.nanoTime();
        int pages = 0;
        int read = 0;
        int stored = 0;
        Optional<String> cursor = inbox.cursor(platform, stream);
        boolean more = true;
        while (more && pages < maxPages) {
            EventPage page = reader.readEvents(stream, cursor);
            stored += inbox.storePage(platform, stream, page);
            read += page.events().size();
            pages++;
            cursor = Optional.of(page.nextCursor());
            more = page.more();
        }
        return new PollReport(platform, stream, pages, read, stored, cursor.orElse(null), (System.nanoTime() - start) / 1_000_000);
    }

    private TenantReader reader(String platform) {
        return connectors.reader(platform)
                .orElseThrow(() -> new ConnectorException("connector.unknown", "no reader is configured for platform " + platform));
    }
}
