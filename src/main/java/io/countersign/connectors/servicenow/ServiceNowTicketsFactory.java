package io.countersign.connectors.servicenow;

import java.time.Duration;
import java.util.LinkedHashMap;
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

/**
 * Makes the ServiceNow ticket sink (id {@code servicenow}) from {@code countersign.connectors.servicenow.*} or a map
 * of the same names, where {@code field.NAME} sets a field on every record.
 */
@Configuration(proxyBeanMethods = false)
class ServiceNowTicketsFactory implements TicketSink.Factory {

    static final String FIELD = "field.";
    private static final String PREFIX = "countersign.connectors.servicenow";
    private static final String NAME = "[a-z][a-z0-9_]*";

    @Override
    public String id() {
        return ServiceNowTickets.KIND;
    }

    @Override
    public List<ConfigProperty> properties() {
        return List.of(
                new ConfigProperty("url", "the instance, e.g. https://bank.service-now.com", true, false),
                new ConfigProperty("user", "the integration user", true, false),
                new ConfigProperty("password", "its password: env:NAME or file:PATH", true, true),
                new ConfigProperty("table", "the table records go to (default sc_task)", false, false),
                new ConfigProperty("field.NAME", "a field set on every record, e.g. field.assignment_group", false, false),
                new ConfigProperty("state-approved", "the state for an approved request (default 3, Closed Complete)", false, false),
                new ConfigProperty("state-rejected", "the state for a rejected request (default 4, Closed Incomplete)", false, false),
                new ConfigProperty("state-expired", "the state for an expired request (default 7, Closed Skipped)", false, false),
                new ConfigProperty("max-attempts", "tries per request, 1 to 10 (default 5)", false, false));
    }

    @Override
    public TicketSink create(Map<String, String> configuration) {
        ConfigReader config = new ConfigReader(PREFIX, configuration);
        String table = config.optional("table", "sc_task");
        if (!table.matches(NAME)) {
            throw config.invalid("table", "must be a table name such as sc_task, was '" + table + "'");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        configuration.forEach((key, value) -> {
            if (key.startsWith(FIELD)) {
                String field = key.substring(FIELD.length());
                if (!field.matches(NAME)) {
                    throw config.invalid(key, "must name a field such as assignment_group");
                }
                fields.put(field, value);
            }
        });
        SecretRef password = config.secret("password");
        password.reveal();
        Map<Outcome, String> states = Map.of(Outcome.APPROVED, config.optional("state-approved", "3"),
                Outcome.REJECTED, config.optional("state-rejected", "4"), Outcome.EXPIRED, config.optional("state-expired", "7"));
        ResilientHttp http = new ResilientHttp(new ResilientHttp.Policy(config.integer("max-attempts", 5, 1, 10), Duration.ofMillis(500),
                Duration.ofSeconds(60), Duration.ofSeconds(30)));
        return new ServiceNowTickets(config.url("url"), config.required("user"), password, table, fields, states, http);
    }

    @Bean
    @ConditionalOnProperty(name = "countersign.connectors.tickets.kind", havingValue = ServiceNowTickets.KIND)
    TicketSink serviceNowTickets(ServiceNowProperties properties) {
        return create(properties.asConfiguration());
    }
}
