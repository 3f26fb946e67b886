package io.countersign.connectors.siem;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SIEM outputs at start-up ({@code countersign.connectors.siem.*}); each exists only when configured.
 *
 * @param file           a JSON Lines file OCSF documents are appended to
 * @param hec            a Splunk HTTP Event Collector
 * @param flushInterval  how often queued documents are shipped (default one second)
 * @param productVersion {@code metadata.product.version} in every document
 */
@ConfigurationProperties("countersign.connectors.siem")
record SiemProperties(String file, Hec hec, @DefaultValue("PT1S") Duration flushInterval, @DefaultValue("0.1.0") String productVersion) {

    /**
     * @param url         the collector's base URL, e.g. {@code https://splunk.bank.example:8088}
     * @param token       the HEC token, as a reference: {@code env:NAME} or {@code file:PATH}
     * @param index       the index to write to (default: the token's)
     * @param batchSize   documents per request (default 100)
     * @param maxAttempts tries per request, the first included (default 5)
     */
    record Hec(String url, String token, String index, Integer batchSize, Integer maxAttempts) {
    }

    Map<String, String> asConfiguration() {
        Map<String, String> configuration = new LinkedHashMap<>();
        put(configuration, "file", file);
        if (hec != null) {
            put(configuration, "hec.url", hec.url());
            put(configuration, "hec.token", hec.token());
            put(configuration, "hec.index", hec.index());
            put(configuration, "hec.batch-size", hec.batchSize());
            put(configuration, "hec.max-attempts", hec.maxAttempts());
        }
        return configuration;
    }

    private static void put(Map<String, String> configuration, String name, Object value) {
        if (value != null) {
            configuration.put(name, value.toString());
        }
    }
}
