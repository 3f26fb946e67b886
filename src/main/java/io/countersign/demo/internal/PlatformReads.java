package io.countersign.demo.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.countersign.approval.ApprovalRequest;
import io.countersign.approval.Approvals;
import io.countersign.connectors.Inbox;
import io.countersign.connectors.PlatformSync;
import io.countersign.connectors.PollReport;
import io.countersign.connectors.SyncReport;
import io.countersign.connectors.siem.SiemExport;
import io.countersign.connectors.tickets.TicketDesk;
import io.countersign.directory.MergeSummary;
import io.countersign.simulator.SimulatedTenant;
import org.springframework.stereotype.Component;

/** What the demo reads from the platforms over HTTP, and counts of what it sent them. */
@Component
public class PlatformReads {

    private static final List<String> DIRECTORIES = List.of("okta", "entra", "local");
    private static final Map<String, String> FEEDS = Map.of("okta", "system_log", "entra", "sign_ins", "workday", "worker_events");

    private final PlatformSync sync;
    private final SimulatedTenant tenant;
    private final SiemExport siem;
    private final TicketDesk tickets;
    private final Approvals approvals;
    private final Inbox inbox;

    PlatformReads(PlatformSync sync, SimulatedTenant tenant, SiemExport siem, TicketDesk tickets, Approvals approvals, Inbox inbox) {
        this.inbox = inbox;
        this.sync = sync;
        this.tenant = tenant;
        this.siem = siem;
        this.tickets = tickets;
        this.approvals = approvals;
    }

    /** Syncs each platform's directory into one already loaded from the same bank: no drift is expected. */
    public Map<String, Object> syncAll() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String platform : DIRECTORIES) {
            SyncReport report = sync.syncDirectory(platform);
            MergeSummary m = report.merge();
            out.put(platform, Map.of("users", m.users(), "groups", m.groups(), "memberships", m.memberships(),
                    "drift", m.accountsAdded() + m.accountsRemoved() + m.assignmentsAdded() + m.assignmentsRemoved(),
                    "usersPerSecond", Math.round(report.usersPerSecond()), "millis", report.readMillis() + report.mergeMillis()));
        }
        return out;
    }

    /** Polls each feed from its start: the stand-ins are new for every run, so cursors of an earlier run point nowhere. */
    public Map<String, Object> pollAll() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String platform : List.of("okta", "entra", "workday")) {
            inbox.resetCursor(platform, FEEDS.get(platform));
            PollReport report = sync.pollEvents(platform, FEEDS.get(platform), 10_000);
            out.put(platform + "/" + report.stream(), Map.of("read", report.read(), "stored", report.stored(), "pages", report.pages(),
                    "eventsPerSecond", Math.round(report.eventsPerSecond())));
        }
        return out;
    }

    /** Flushes the SIEM outputs and counts tickets opened, OCSF documents written and documents the collector received. */
    public Map<String, Object> delivered(Path ocsfFile) {
        siem.flush();
        List<ApprovalRequest> requests = approvals.list(null, 100_000);
        long ticketed = requests.stream().filter(r -> tickets.ticketFor(r.id()).map(t -> t.key() != null).orElse(false)).count();
        return Map.of("jiraTickets", ticketed, "ocsfFileDocuments", lines(ocsfFile), "hecDocuments", tenant.eventCount("splunk"),
                "oktaEventsInInbox", inbox.count("okta", "system_log"));
    }

    private static long lines(Path file) {
        try (var lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            return 0;
        }
    }
}
