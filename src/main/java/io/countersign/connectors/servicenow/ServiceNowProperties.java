package io.countersign.connectors.servicenow;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * ServiceNow at start-up ({@code countersign.connectors.servicenow.*}), used when {@code countersign.connectors.tickets.kind=servicenow}.
 *
 * @param url           the instance, e.g. {@code https://bank.service-now.com}
 * @param user          the integration user
 * @param password      its password, as a reference: {@code env:NAME} or {@code file:PATH}
 * @param table         the table records go to (default {@code sc_task}; {@code incident} works too)
 * @param fields        further fields set on every record, e.g. {@code assignment_group: IAM Approvals}
 * @param stateApproved the state that closes a record whose request was approved (default {@code 3}, Closed Complete)
 * @param stateRejected the same for a rejection (default {@code 4}, Closed Incomplete)
 * @param stateExpired  the same for an expiry (default {@code 7}, Closed Skipped)
 * @param maxAttempts   tries per request, the first included (default 5)
 */
@ConfigurationProperties("countersign.connectors.servicenow")
record ServiceNowProperties(String url, String user, String password, String table, Map<String, String> fields, String stateApproved,
                            String stateRejected, String stateExpired, Integer maxAttempts) {

    Map<String, String> asConfiguration() {
        Map<String, String> configuration = new LinkedHashMap<>();
        put(configuration, "url", url);
        put(configuration, "user", user);
        put(configuration, "password", password);
        put(configuration, "table", table);
        put(configuration, "state-approved", stateApproved);
        put(configuration, "state-rejected", stateRejected);
        put(configuration, "state-expired", stateExpired);
        put(configuration, "max-attempts", maxAttempts);
        if (fields != null) {
            fields.forEach((name, value) -> configuration.put(ServiceNowTicketsFactory.FIELD + name, value));
        }
        return configuration;
    }

    private static void put(Map<String, String> configuration, String name, Object value) {
        if (value != null) {
            configuration.put(name, value.toString());
        }
    }
}
