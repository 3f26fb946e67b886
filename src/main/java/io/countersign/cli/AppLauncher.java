package io.countersign.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.countersign.CountersignApplication;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Starts the application for a command: quiet, without a web server unless the command serves. */
final class AppLauncher {

    private AppLauncher() {
    }

    /**
     * The flags become command-line arguments, the highest-ranked property source, so {@code --data-dir} and
     * the rest win over application.yaml, the environment and system properties.
     */
    static ConfigurableApplicationContext start(GlobalOptions global, boolean web, boolean verbose, Map<String, Object> extra) {
        Map<String, Object> properties = new LinkedHashMap<>(global.properties());
        properties.put("logging.level.root", "error");
        properties.put("logging.level.io.countersign", verbose ? "info" : "warn");
        properties.put("spring.main.log-startup-info", "false");
        // a failed start is reported as one line by the CLI; Spring's own report would add a stack trace
        properties.put("logging.level.org.springframework.boot.SpringApplication", "off");
        properties.put("logging.level.org.springframework.boot.diagnostics", "off");
        properties.putAll(extra);
        return new SpringApplicationBuilder(CountersignApplication.class)
                .bannerMode(Banner.Mode.OFF)
                .web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE)
                .run(arguments(properties));
    }

    private static String[] arguments(Map<String, Object> properties) {
        return properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new);
    }

    /** Waits until every event published so far has been handled (or failed), at most {@code timeout}. */
    static boolean awaitEventsHandled(ConfigurableApplicationContext context, Duration timeout) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Integer open = jdbc.queryForObject("select count(*) from event_publication where completion_date is null"
                    + " and coalesce(status, 'PUBLISHED') not in ('COMPLETED', 'FAILED')", Integer.class);
            if (open == null || open == 0) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
