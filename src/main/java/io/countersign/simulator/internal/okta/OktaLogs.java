package io.countersign.simulator.internal.okta;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import io.countersign.simulator.SimulatedTenant;
import io.countersign.simulator.SimulatedTenant.Event;

/**
 * {@code GET /api/v1/logs}: the tenant's event log with {@code since}, {@code until}, {@code filter}, {@code q},
 * {@code limit}, {@code sortOrder} and {@code after}. A polling request (ascending, no {@code until}) always
 * gets a {@code next} link, even on an empty page, pointing past everything it has seen; a bounded request gets
 * one only while its page is full. The {@code after} cursor is a position in the log, which only grows.
 */
final class OktaLogs {

    private static final Duration DEFAULT_WINDOW = Duration.ofDays(7);
    private static final Map<String, Function<Event, String>> FILTERABLE = Map.of(
            "eventType", Event::type,
            "outcome.result", Event::outcome,
            "actor.alternateId", Event::actorLogin,
            "target.alternateId", Event::targetLogin);

    private final SimulatedTenant tenant;
    private final int pageSize;

    OktaLogs(SimulatedTenant tenant, int pageSize) {
        this.tenant = tenant;
        this.pageSize = pageSize;
    }

    private record Query(Instant since, Optional<Instant> until, boolean descending, Predicate<Event> matches, Optional<Integer> after, int limit) {
        boolean polling() {
            return until.isEmpty() && !descending;
        }
    }

    void handle(OktaExchange call) throws IOException {
        if (call.segments().size() != 1) {
            throw OktaError.notFound(String.join("/", call.segments()), "Resource");
        }
        if (!call.method().equals("GET")) {
            throw OktaError.methodNotAllowed();
        }
        Query query = query(call);
        int step = query.descending() ? -1 : 1;
        int start = query.after().map(a -> a + step).orElse(query.descending() ? tenant.eventCount(OktaStandIn.PLATFORM) - 1 : 0);
        int offset = query.descending() ? 0 : Math.max(0, start);
        List<Event> log = tenant.events(OktaStandIn.PLATFORM, offset);
        List<Event> page = new ArrayList<>();
        int last = query.after().orElse(-1);
        for (int i = start; i >= offset && i < offset + log.size() && page.size() < query.limit(); i += step) {
            last = i;
            if (query.matches().test(log.get(i - offset))) {
                page.add(log.get(i - offset));
            }
        }
        List<Map<String, Object>> events = new ArrayList<>();
        LogEventJson json = new LogEventJson(tenant);
        page.forEach(e -> events.add(json.event(e)));
        Optional<String> scannedTo = Optional.of(last).filter(p -> p >= 0).map(String::valueOf);
        if (query.polling()) {
            call.pageWithNext(events, scannedTo, query.limit());
        } else {
            call.page(events, page.size() == query.limit() ? scannedTo : Optional.empty(), query.limit());
        }
    }

    private Query query(OktaExchange call) {
        Optional<Instant> until = call.param("until").map(v -> instant("until", v));
        Instant since = call.param("since").map(v -> instant("since", v)).orElseGet(() -> until.orElseGet(Instant::now).minus(DEFAULT_WINDOW));
        String order = call.param("sortOrder").orElse("ASCENDING");
        if (!order.equals("ASCENDING") && !order.equals("DESCENDING")) {
            throw OktaError.validation("sortOrder", "must be ASCENDING or DESCENDING");
        }
        Predicate<Event> matches = e -> !e.at().isBefore(since) && until.map(e.at()::isBefore).orElse(true);
        Optional<Predicate<Event>> filter = call.param("filter").map(f -> EqFilter.parse(f, FILTERABLE));
        Optional<Predicate<Event>> keywords = call.param("q").map(OktaLogs::keywords);
        return new Query(since, until, order.equals("DESCENDING"), matches.and(filter.orElse(e -> true)).and(keywords.orElse(e -> true)),
                call.param("after").map(OktaLogs::position), call.limit(100, 1000, pageSize));
    }

    private static Predicate<Event> keywords(String q) {
        List<String> words = Arrays.stream(q.toLowerCase(Locale.ROOT).split("\\s+")).filter(w -> !w.isEmpty()).toList();
        return e -> {
            String text = String.join(" ", e.type(), String.valueOf(e.actorLogin()), String.valueOf(e.targetLogin()), String.valueOf(e.ip()))
                    .toLowerCase(Locale.ROOT);
            return words.stream().allMatch(text::contains);
        };
    }

    private static Instant instant(String field, String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw OktaError.validation(field, "'" + value + "' is not an ISO 8601 timestamp");
        }
    }

    private static int position(String after) {
        try {
            return Integer.parseInt(after);
        } catch (NumberFormatException e) {
            throw OktaError.validation("after", "'" + after + "' is not a cursor this org issued");
        }
    }
}
