package io.countersign.connectors.siem;

import io.countersign.connectors.PlatformChanged;
import io.countersign.lifecycle.AccountActiveAfterEndDate;
import io.countersign.remediation.SodFindingRaised;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Queues an OCSF document for each finding, account active after its end date, and platform change while any output is attached, and ships the queue on a schedule. */
@Component
class SiemListener {

    private final SiemExport export;

    SiemListener(SiemExport export) {
        this.export = export;
    }

    @ApplicationModuleListener
    void on(SodFindingRaised finding) {
        if (export.exporting()) {
            export.queue(export.ocsf().finding(finding));
        }
    }

    @ApplicationModuleListener
    void on(AccountActiveAfterEndDate alert) {
        if (export.exporting()) {
            export.queue(export.ocsf().activeAfterEndDate(alert, java.time.Instant.now()));
        }
    }

    @ApplicationModuleListener
    void on(PlatformChanged change) {
        if (export.exporting()) {
            export.queue(export.ocsf().change(change));
        }
    }

    @Scheduled(fixedDelayString = "${countersign.connectors.siem.flush-interval:PT1S}", initialDelayString = "${countersign.connectors.siem.flush-interval:PT1S}")
    void ship() {
        if (export.exporting()) {
            export.flush();
        }
    }
}
