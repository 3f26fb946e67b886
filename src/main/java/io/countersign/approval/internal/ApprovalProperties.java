package io.countersign.approval.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Approval settings.
 *
 * @param expiryCheck how often pending requests past their expiry are expired (each expiry is ledgered)
 */
@ConfigurationProperties("countersign.approval")
record ApprovalProperties(@DefaultValue("PT1M") Duration expiryCheck) {
}
