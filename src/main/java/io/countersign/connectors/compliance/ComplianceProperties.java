package io.countersign.connectors.compliance;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The compliance API ({@code countersign.connectors.compliance.*}).
 *
 * @param url     the API's base, e.g. {@code https://compliance.bank.example/api}; none means flags are unavailable
 * @param token   the bearer token, as a reference: {@code env:NAME} or {@code file:PATH}
 * @param timeout how long one call may take before the flags count as unavailable (default 2 s)
 */
@ConfigurationProperties("countersign.connectors.compliance")
record ComplianceProperties(String url, String token, @DefaultValue("PT2S") Duration timeout) {
}
