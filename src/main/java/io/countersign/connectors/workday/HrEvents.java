package io.countersign.connectors.workday;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.countersign.connectors.ConnectorRegistry;
import io.countersign.connectors.InboundEvent;
import io.countersign.connectors.Inbox;
import io.countersign.connectors.SecretRef;
import org.springframework.stereotype.Service;

/**
 * Worker events from the HR source into the inbox: webhook deliveries and CSV imports. The web layer and the
 * command line call it; the feed is polled through {@link io.countersign.connectors.PlatformSync}.
 *
 * <p>Who authorises: a webhook delivery must carry the configured secret in {@value #SECRET_HEADER} (compared in
 * constant time; refused when no secret is configured); an import is an administrator's act, checked by the
 * caller. All or nothing: a delivery or file with any bad event stores none, and reports every problem.
 * Idempotent: events are unique on their HR event id, so a redelivery or a second import stores nothing new.
 */
@Service
public class HrEvents {

    public static final String PLATFORM = "workday";
    public static final String STREAM = "worker_events";
    public static final String SECRET_HEADER = "X-Countersign-Webhook-Secret";
    static final int MOST_PER_DELIVERY = 1000;

    private final Inbox inbox;
    private final ConnectorRegistry connectors;

    HrEvents(Inbox inbox, ConnectorRegistry connectors) {
        this.inbox = inbox;
        this.connectors = connectors;
    }

    /** What a webhook delivery did: events in it, and how many were new. */
    public record Receipt(int received, int stored) {
    }

    /**
     * Checks the secret, then stores the delivery's events. Throws {@link HrException} {@code hr.unauthenticated}
     * (nothing read) or {@code hr.bad-request} (nothing stored).
     */
    public Receipt receive(String presentedSecret, String body) {
        authenticate(presentedSecret);
        WorkdayJson.Parsed parsed = WorkdayJson.delivery(body);
        if (!parsed.problems().isEmpty()) {
            throw new HrException("hr.bad-request", parsed.problems().size() + " problem(s) in the delivery, nothing was stored: "
                    + parsed.problems().getFirst(), parsed.problems());
        }
        if (parsed.events().size() > MOST_PER_DELIVERY) {
            String problem = "events: at most " + MOST_PER_DELIVERY + " per delivery, got " + parsed.events().size();
            throw new HrException("hr.bad-request", problem, List.of(problem));
        }
        List<InboundEvent> events = parsed.events().stream().map(WorkerEvent::toInboundEvent).toList();
        return new Receipt(events.size(), events.isEmpty() ? 0 : inbox.store(events));
    }

    /**
     * Imports a CSV file of worker events in one transaction, or, with {@code dryRun}, only checks it. Throws
     * {@link HrException} {@code hr.bad-file} listing every bad row as {@code FILE:LINE: field: reason}.
     *
     * @param file how to name the file in problems, e.g. the path given on the command line
     */
    public HrImportReport importCsv(String file, String content, boolean dryRun) {
        List<WorkerEvent> events = parse(file, content);
        Map<String, Integer> byKind = byKind(events);
        if (dryRun) {
            return new HrImportReport(file, events.size(), 0, 0, true, byKind);
        }
        int stored = inbox.store(events.stream().map(WorkerEvent::toInboundEvent).toList());
        return new HrImportReport(file, events.size(), stored, events.size() - stored, false, byKind);
    }

    /** Checks a CSV file of worker events without storing anything (a dry run that needs no database). */
    public static HrImportReport check(String file, String content) {
        List<WorkerEvent> events = parse(file, content);
        return new HrImportReport(file, events.size(), 0, 0, true, byKind(events));
    }

    private static List<WorkerEvent> parse(String file, String content) {
        WorkerCsv.Parsed parsed = WorkerCsv.parse(file, content);
        if (!parsed.problems().isEmpty()) {
            throw new HrException("hr.bad-file", parsed.problems().size() + " problem(s) in " + file + ", nothing was imported",
                    parsed.problems());
        }
        return parsed.events();
    }

    private static Map<String, Integer> byKind(List<WorkerEvent> events) {
        Map<String, Integer> byKind = new TreeMap<>();
        events.forEach(e -> byKind.merge(e.kind().wireName(), 1, Integer::sum));
        return byKind;
    }

    private void authenticate(String presented) {
        Optional<SecretRef> secret = connectors.reader(PLATFORM).filter(WorkdayConnector.class::isInstance)
                .map(WorkdayConnector.class::cast).flatMap(WorkdayConnector::webhookSecret);
        if (secret.isEmpty()) {
            throw unauthenticated("workday deliveries are refused: no webhook secret is configured (" + WorkdayConnectorFactory.PREFIX
                    + ".webhook-secret)");
        }
        if (presented == null || presented.isEmpty()) {
            throw unauthenticated("the " + SECRET_HEADER + " header is missing");
        }
        if (!MessageDigest.isEqual(digest(presented), digest(secret.get().reveal()))) {
            throw unauthenticated("the " + SECRET_HEADER + " header does not match the configured secret");
        }
    }

    /** Digests first, so the comparison takes the same time whatever the lengths. */
    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static HrException unauthenticated(String message) {
        return new HrException("hr.unauthenticated", message, List.of());
    }
}
