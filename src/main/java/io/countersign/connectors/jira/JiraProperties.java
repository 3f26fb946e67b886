package io.countersign.connectors.jira;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Jira at start-up ({@code countersign.connectors.jira.*}), used when {@code countersign.connectors.tickets.kind=jira}.
 *
 * @param url                the site, e.g. {@code https://bank.atlassian.net}
 * @param email              the account the API token belongs to
 * @param apiToken           the API token, as a reference: {@code env:NAME} or {@code file:PATH}
 * @param projectKey         where tickets are created, e.g. {@code IAM}
 * @param issueType          the issue type (default {@code Task})
 * @param transitionApproved the transition that closes a ticket whose request was approved (default {@code Done})
 * @param transitionRejected the same for a rejection (default {@code Won't Do})
 * @param transitionExpired  the same for an expiry (default {@code Won't Do})
 * @param maxAttempts        tries per request, the first included (default 5)
 */
@ConfigurationProperties("countersign.connectors.jira")
record JiraProperties(String url, String email, String apiToken, String projectKey, String issueType, String transitionApproved,
                      String transitionRejected, String transitionExpired, Integer maxAttempts) {

    Map<String, String> asConfiguration() {
        Map<String, String> configuration = new LinkedHashMap<>();
        put(configuration, "url", url);
        put(configuration, "email", email);
        put(configuration, "api-token", apiToken);
        put(configuration, "project-key", projectKey);
        put(configuration, "issue-type", issueType);
        put(configuration, "transition-approved", transitionApproved);
        put(configuration, "transition-rejected", transitionRejected);
        put(configuration, "transition-expired", transitionExpired);
        put(configuration, "max-attempts", maxAttempts);
        return configuration;
    }

    private static void put(Map<String, String> configuration, String name, Object value) {
        if (value != null) {
            configuration.put(name, value.toString());
        }
    }
}
