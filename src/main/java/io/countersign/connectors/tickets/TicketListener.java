package io.countersign.connectors.tickets;

import io.countersign.approval.ApprovalExpired;
import io.countersign.approval.ApprovalGranted;
import io.countersign.approval.ApprovalRejected;
import io.countersign.approval.ApprovalRequested;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Opens and closes tickets as approval requests open and end; each event only names the request, the desk reads the rest. */
@Component
class TicketListener {

    private final TicketDesk desk;

    TicketListener(TicketDesk desk) {
        this.desk = desk;
    }

    @ApplicationModuleListener
    void on(ApprovalRequested requested) {
        desk.reconcile(requested.approvalId());
    }

    @ApplicationModuleListener
    void on(ApprovalGranted granted) {
        desk.reconcile(granted.approvalId());
    }

    @ApplicationModuleListener
    void on(ApprovalRejected rejected) {
        desk.reconcile(rejected.approvalId());
    }

    @ApplicationModuleListener
    void on(ApprovalExpired expired) {
        desk.reconcile(expired.approvalId());
    }
}
