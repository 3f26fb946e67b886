package io.countersign.connectors.workday;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The HR source at start-up ({@code countersign.connectors.workday.*}); the connector exists only when
 * {@code feed-url} or {@code webhook-secret} is set.
 *
 * @param feedUrl       the worker-event feed, e.g. {@code https://wd.bank.example/ccx/api/v1/bank/workerEvents}
 * @param token         the feed's bearer token, as a reference: {@code env:NAME} or {@code file:PATH}
 * @param webhookSecret the secret webhook deliveries carry in {@code X-Countersign-Webhook-Secret}, as a reference
 * @param pageSize      events asked for per feed page (default 100)
 * @param maxAttempts   tries per feed request, the first included (default 5)
 */
@ConfigurationProperties("countersign.connectors.workday")
record WorkdayProperties(String feedUrl, String token, String webhookSecret, Integer pageSize, Integer maxAttempts) {

    Map<String, String> asConfiguration() {
        Map<String, String> configuration = new LinkedHashMap<>();
        put(configuration, "feed-url", feedUrl);
        put(configuration, "token", token);
        put(configuration, "webhook-secret", webhookSecret);
        put(configuration, "page-size", pageSize);
        put(configuration, "max-attempts", maxAttempts);
        return configuration;
    }

    private static void put(Map<String, String> configuration, String name, Object value) {
        if (value != null) {
            configuration.put(name, value.toString());
        }
    }
}
