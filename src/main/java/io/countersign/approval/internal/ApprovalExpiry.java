package io.countersign.approval.internal;

import java.time.Instant;

import io.countersign.approval.Approvals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Expires overdue approval requests on a schedule, so an unanswered request never lingers as pending. */
@Component
@EnableConfigurationProperties(ApprovalProperties.class)
class ApprovalExpiry {

    private static final Logger log = LoggerFactory.getLogger(ApprovalExpiry.class);
    private final Approvals approvals;

    ApprovalExpiry(Approvals approvals) {
        this.approvals = approvals;
    }

    @Scheduled(fixedDelayString = "${countersign.approval.expiry-check:PT1M}", initialDelayString = "${countersign.approval.expiry-check:PT1M}")
    void expireOverdue() {
        int expired = approvals.expireOverdue(Instant.now());
        if (expired > 0) {
            log.info("expired {} overdue approval request(s)", expired);
        }
    }
}
