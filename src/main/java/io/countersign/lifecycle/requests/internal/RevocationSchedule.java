package io.countersign.lifecycle.requests.internal;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Removes time-bound grants when they end, on a schedule, so access never outlives what was approved. */
@Component
class RevocationSchedule {

    private static final Logger log = LoggerFactory.getLogger(RevocationSchedule.class);
    private final RequestFulfilment fulfilment;

    RevocationSchedule(RequestFulfilment fulfilment) {
        this.fulfilment = fulfilment;
    }

    @Scheduled(fixedDelayString = "${countersign.requests.revocation-check:PT1M}", initialDelayString = "${countersign.requests.revocation-check:PT1M}")
    void revokeEnded() {
        int closed = fulfilment.revokeEnded(Instant.now());
        if (closed > 0) {
            log.info("removed {} time-bound grant(s) that ended", closed);
        }
    }
}
