package io.countersign.connectors.jira;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.countersign.connectors.ConfigReader;
import io.countersign.connectors.ConnectorFactory.ConfigProperty;
import io.countersign.connectors.ResilientHttp;
import io.countersign.connectors.SecretRef;
import io.countersign.connectors.TicketSink;
import io.countersign.connectors.TicketSink.Outcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Makes the Jira ticket sink (id {@code jira}) from {@code countersign.connectors.jira.*} or a map of the same names. */
@Configuration(proxyBeanMethods = false)
class JiraTicketsFactory implements TicketSink.Factory {

    private static final String PREFIX = "countersign.connectors.jira";

    @Override
    public String id() {
        return JiraTickets.KIND;
    }

    @Override
    public List<ConfigProperty> properties() {
        return List.of(
                new ConfigProperty("url", "the Jira site, e.g. https://bank.atlassian.net", true, false),
                new ConfigProperty("email", "the account the API token belongs to", true, false),
                new ConfigProperty("api-token", "the API token: env:NAME or file:PATH", true, true),
                new ConfigProperty("project-key", "the project tickets are created in, e.g. IAM", true, false),
                new ConfigProperty("issue-type", "the issue type (default Task)", false, false),
                new ConfigProperty("transition-approved", "the transition for an approved request (default Done)", false, false),
                new ConfigProperty("transition-rejected", "the transition for a rejected request (default Won't Do)", false, false),
                new ConfigProperty("transition-expired", "the transition for an expired request (default Won't Do)", false, false),
                new ConfigProperty("max-attempts", "tries per request, 1 to 10 (default 5)", false, false));
    }

    @Override
    public TicketSink create(Map<String, String> configuration) {
        ConfigReader config = new ConfigReader(PREFIX, configuration);
        String email = config.required("email");
        if (!email.contains("@")) {
            throw config.invalid("email", "must be the e-mail address of the account, was '" + email + "'");
        }
        String project = config.required("project-key");
        if (!project.matches("[A-Z][A-Z0-9_]{0,9}")) {
            throw config.invalid("project-key", "must be a Jira project key such as IAM, was '" + project + "'");
        }
        SecretRef token = config.secret("api-token");
        token.reveal();
        Map<Outcome, String> transitions = Map.of(Outcome.APPROVED, config.optional("transition-approved", "Done"),
                Outcome.REJECTED, config.optional("transition-rejected", "Won't Do"), Outcome.EXPIRED, config.optional("transition-expired", "Won't Do"));
        ResilientHttp http = new ResilientHttp(new ResilientHttp.Policy(config.integer("max-attempts", 5, 1, 10), Duration.ofMillis(500),
                Duration.ofSeconds(60), Duration.ofSeconds(30)));
        return new JiraTickets(config.url("url"), email, token, project, config.optional("issue-type", "Task"), transitions, http);
    }

    @Bean
    @ConditionalOnProperty(name = "countersign.connectors.tickets.kind", havingValue = JiraTickets.KIND)
    TicketSink jiraTickets(JiraProperties properties) {
        return create(properties.asConfiguration());
    }
}
