package io.countersign.connectors.okta;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Start-up configuration of the Okta connector, under {@code countersign.connectors.okta}. The connector is made
 * only when {@code url} is set; every value is validated then (see {@link OktaConnectorFactory#properties()}).
 *
 * @param url             the Okta org URL, e.g. {@code https://bank.okta.com}; plain http only for 127.0.0.1 or localhost
 * @param token           where the SSWS API token is: {@code env:NAME} or {@code file:PATH}, never the token itself
 * @param reasonAttribute the custom user profile attribute reason notes are written to (default {@code countersignReason})
 * @param logSince        where the first System Log read starts: an instant ({@code 2025-06-01T00:00:00Z}) or a duration
 *                        before the first read ({@code P7D}, the default); later reads resume from the stored cursor
 * @param eventHookSecret where the value Okta sends in the event hook's authorization header is ({@code env:NAME} or
 *                        {@code file:PATH}); without it, {@code /hooks/okta} accepts nothing
 * @param timeout         how long one request to Okta may take (default {@code PT30S})
 * @param maxAttempts     tries per request to Okta, the first included (default 5)
 */
@ConfigurationProperties("countersign.connectors.okta")
record OktaProperties(String url, String token, String reasonAttribute, String logSince, String eventHookSecret, String timeout,
                      String maxAttempts) {

    /** The configuration as the factory takes it, with what is unset left out. */
    Map<String, String> configuration() {
        Map<String, String> configuration = new LinkedHashMap<>();
        put(configuration, "url", url);
        put(configuration, "token", token);
        put(configuration, "reason-attribute", reasonAttribute);
        put(configuration, "log-since", logSince);
        put(configuration, "event-hook-secret", eventHookSecret);
        put(configuration, "timeout", timeout);
        put(configuration, "max-attempts", maxAttempts);
        return configuration;
    }

    private static void put(Map<String, String> configuration, String name, String value) {
        if (value != null) {
            configuration.put(name, value);
        }
    }
}
