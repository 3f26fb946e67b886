package io.countersign.connectors.siem;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.countersign.connectors.ConfigReader;
import io.countersign.connectors.ConnectorException;
import io.countersign.connectors.ConnectorFactory.ConfigProperty;
import io.countersign.connectors.ResilientHttp;
import io.countersign.connectors.SecretRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Alerts and platform changes out to the bank's SIEM as OCSF documents: to a JSON Lines file and/or a Splunk HTTP
 * Event Collector, both optional ({@code countersign.connectors.siem.file}, {@code countersign.connectors.siem.hec.*}).
 *
 * <p>Each domain event becomes one document whose {@code metadata.uid} is derived from what it reports (the ledger
 * sequence of a platform change, the id of a finding) and is queued once in an outbox, so a redelivered event adds
 * nothing. Outputs are shipped in batches, in order, and each remembers what it has taken; a failing output keeps
 * its queue and is tried again at the next flush, the others carry on. A new output starts with what happens after
 * it is first seen. Delivery is at least once: after a crash between sending and recording, a batch is sent again
 * with the same uids, by which the SIEM can drop the copies. Nothing here is ledgered; secrets are references and
 * never logged.
 */
@Service
@EnableConfigurationProperties(SiemProperties.class)
public class SiemExport {

    private static final Logger log = LoggerFactory.getLogger(SiemExport.class);
    private static final String PREFIX = "countersign.connectors.siem";

    private final List<SiemOutput> outputs = new CopyOnWriteArrayList<>();
    private final SiemOutbox outbox;
    private final Ocsf ocsf;

    SiemExport(SiemProperties properties, JdbcTemplate jdbc) {
        this.outbox = new SiemOutbox(jdbc);
        this.ocsf = new Ocsf(properties.productVersion());
        Map<String, String> configured = properties.asConfiguration();
        if (!configured.isEmpty()) {
            attach(configured);
        }
    }

    /** Undoes an {@link #attach}. */
    public interface Attachment extends AutoCloseable {
        @Override
        void close();
    }

    /** The properties {@link #attach} takes: those of {@code countersign.connectors.siem} by their names below it. */
    public List<ConfigProperty> properties() {
        return List.of(
                new ConfigProperty("file", "a JSON Lines file OCSF documents are appended to", false, false),
                new ConfigProperty("hec.url", "a Splunk HTTP Event Collector, e.g. https://splunk.bank.example:8088", false, false),
                new ConfigProperty("hec.token", "the HEC token: env:NAME or file:PATH; required with hec.url", false, true),
                new ConfigProperty("hec.index", "the Splunk index (default: the token's)", false, false),
                new ConfigProperty("hec.batch-size", "documents per request, 1 to 1000 (default 100)", false, false),
                new ConfigProperty("hec.max-attempts", "tries per request, 1 to 10 (default 5)", false, false));
    }

    /** Adds the configured outputs from now on (start-up configuration, the demo, tests); closing the result removes them. */
    public Attachment attach(Map<String, String> configuration) {
        ConfigReader config = new ConfigReader(PREFIX, configuration);
        List<SiemOutput> added = new ArrayList<>();
        config.optional("file").ifPresent(file -> added.add(new FileOutput(Path.of(file))));
        if (config.optional("hec.url").isPresent()) {
            SecretRef token = config.secret("hec.token");
            token.reveal();
            ResilientHttp http = new ResilientHttp(new ResilientHttp.Policy(config.integer("hec.max-attempts", 5, 1, 10), Duration.ofMillis(500),
                    Duration.ofSeconds(30), Duration.ofSeconds(30)));
            added.add(new HecOutput(config.url("hec.url"), token, config.optional("hec.index").orElse(null),
                    config.integer("hec.batch-size", 100, 1, 1000), http));
        }
        if (added.isEmpty()) {
            throw new ConnectorException("connector.config", PREFIX + ": set file, hec.url (with hec.token), or both");
        }
        added.forEach(output -> outbox.register(output.name()));
        outputs.addAll(added);
        return () -> outputs.removeAll(added);
    }

    /** Ships what is queued to every output; returns how many documents were taken or refused. Runs on a schedule too. */
    public synchronized int flush() {
        int shipped = 0;
        for (SiemOutput output : outputs) {
            shipped += flush(output);
        }
        return shipped;
    }

    boolean exporting() {
        return !outputs.isEmpty();
    }

    void queue(OcsfEvent event) {
        outbox.add(event);
    }

    Ocsf ocsf() {
        return ocsf;
    }

    private int flush(SiemOutput output) {
        int shipped = 0;
        while (true) {
            List<OcsfEvent> batch = outbox.pending(output.name(), output.batchSize());
            if (batch.isEmpty()) {
                return shipped;
            }
            try {
                switch (output.send(batch)) {
                    case SiemOutput.Sent.Taken taken -> outbox.taken(output.name(), batch, "delivered", null);
                    case SiemOutput.Sent.Refused refused -> {
                        log.error("SIEM output {} refused {} document(s) for good: {}", output.name(), batch.size(), refused.reason());
                        outbox.taken(output.name(), batch, "rejected", refused.reason());
                    }
                }
            } catch (ConnectorException e) {
                log.warn("SIEM output {} failed; {} document(s) stay queued: {}", output.name(), batch.size(), e.getMessage());
                return shipped;
            }
            shipped += batch.size();
            if (batch.size() < output.batchSize()) {
                return shipped;
            }
        }
    }
}
