package io.countersign.lifecycle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.countersign.connectors.InboundEvent;
import io.countersign.connectors.Inbox;
import io.countersign.connectors.SecretRef;
import io.countersign.connectors.compliance.ComplianceApi;
import io.countersign.connectors.workday.WorkerEvent;
import io.countersign.connectors.workday.WorkerEventKind;
import io.countersign.directory.IdentityKind;
import io.countersign.directory.IdentityStatus;
import io.countersign.simulator.SimulatedTenant;
import io.countersign.simulator.StandInOptions;
import io.countersign.simulator.StandInServer;

/** Worker events as Workday sends them, put into the inbox; and the compliance API's stand-in. */
final class HrFixture {

    static final String TOKEN = "compliance-token-lifecycle-tests";

    private HrFixture() {
    }

    static WorkerEvent hire(String eventId, String employeeId, String name, String title, String department, String desk, String managerEmployeeId) {
        String email = name.toLowerCase().replace(' ', '.') + "@bank.example";
        return new WorkerEvent(eventId, WorkerEventKind.HIRE, today(), employeeId, name, email, title, department, desk, "CC-100", "New York",
                managerEmployeeId, IdentityKind.EMPLOYEE, today(), null, IdentityStatus.ACTIVE, null, null);
    }

    static WorkerEvent transfer(String eventId, String employeeId, String title, String department, String desk, String previousTitle,
                                String previousDesk) {
        return new WorkerEvent(eventId, WorkerEventKind.TRANSFER, today(), employeeId, null, null, title, department, desk, null, null, null,
                null, null, null, IdentityStatus.ACTIVE, previousTitle, previousDesk);
    }

    static WorkerEvent termination(String eventId, String employeeId, LocalDate effective) {
        return new WorkerEvent(eventId, WorkerEventKind.TERMINATION, effective, employeeId, null, null, null, null, null, null, null, null,
                null, null, effective, IdentityStatus.TERMINATED, null, null);
    }

    static WorkerEvent renamed(String eventId, String employeeId, String name) {
        return new WorkerEvent(eventId, WorkerEventKind.LEAVE_RETURN, today(), employeeId, name, null, null, null, null, null, null, null,
                null, null, null, IdentityStatus.ACTIVE, null, null);
    }

    static int deliver(Inbox inbox, WorkerEvent event) {
        return inbox.store(List.of(new InboundEvent("workday", event.eventId(), "worker_events", event.kind().wireName(),
                event.effectiveDate().atStartOfDay(ZoneOffset.UTC).toInstant(), null, event.employeeId(), null, null, event.toPayload())));
    }

    static StandInServer complianceStandIn(SimulatedTenant tenant, ComplianceApi api, Path dir) throws IOException {
        StandInServer server = StandInServer.start(0, tenant, StandInOptions.withToken(TOKEN));
        api.use(URI.create(server.baseUri() + "/compliance"), SecretRef.file(Files.writeString(dir.resolve("compliance-token"), TOKEN)),
                Duration.ofSeconds(2));
        return server;
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
