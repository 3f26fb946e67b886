package io.countersign.simulator.internal.graph;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

import io.countersign.simulator.SimulatedTenant;
import io.countersign.simulator.SimulatedTenant.Event;

/**
 * The activity feeds, built from the tenant's event log: {@code /auditLogs/signIns} (newest first unless
 * {@code $orderby=createdDateTime asc}; at most 1,000 a page), {@code /auditLogs/directoryAudits} and
 * {@code /identityProtection/riskDetections}, each filterable and orderable on its own timestamp. Sign-in
 * times are whole seconds as in Graph, so several sign-ins share a {@code createdDateTime}.
 */
final class GraphAuditLogs implements GraphResource {

    /** One feed: which events it shows, its timestamp property and precision, and how a record looks. */
    private record Feed(String context, String timestamp, ChronoUnit precision, Predicate<Event> shows,
                        Function<Event, Map<String, Object>> render) {
    }

    private record Sorted(int eventCount, List<Event> events) {
    }

    private final SimulatedTenant tenant;
    private final Feed signIns;
    private final Feed audits;
    private final Feed risks;
    private final Map<String, Sorted> sorted = new ConcurrentHashMap<>();

    GraphAuditLogs(SimulatedTenant tenant, ActivityRecords records) {
        this.tenant = tenant;
        this.signIns = new Feed("auditLogs/signIns", "createdDateTime", ChronoUnit.SECONDS, ActivityRecords::isSignIn, records::signIn);
        this.audits = new Feed("auditLogs/directoryAudits", "activityDateTime", ChronoUnit.MILLIS, ActivityRecords::isAudit, records::directoryAudit);
        this.risks = new Feed("identityProtection/riskDetections", "detectedDateTime", ChronoUnit.MILLIS, ActivityRecords::isRisk,
                records::riskDetection);
    }

    @Override
    public boolean handle(GraphRequest request) throws IOException {
        if (request.is("GET", "auditLogs", "signIns")) {
            answer(request, signIns, 1000);
        } else if (request.is("GET", "auditLogs", "directoryAudits")) {
            answer(request, audits, 1000);
        } else if (request.is("GET", "identityProtection", "riskDetections")) {
            answer(request, risks, 1000);
        } else {
            return false;
        }
        return true;
    }

    private void answer(GraphRequest request, Feed feed, int maxTop) throws IOException {
        GraphFilter filter = GraphFilter.parse(request.option("$filter"), Set.of(feed.timestamp()));
        boolean ascending = ascending(request.option("$orderby"), feed.timestamp());
        List<Event> events = events(feed);
        Instant from = filter.lowerBound(feed.timestamp());
        Predicate<Instant> matches = filter.onTime(feed.timestamp());
        List<Event> selected = new ArrayList<>();
        for (int i = from == null ? 0 : firstAtOrAfter(events, from, feed); i < events.size(); i++) {
            if (matches.test(time(events.get(i), feed))) {
                selected.add(events.get(i));
            }
        }
        if (!ascending) {
            Collections.reverse(selected);
        }
        Skiptoken.page(request, feed.context(), selected, maxTop, maxTop, feed.render());
    }

    private static boolean ascending(String orderBy, String timestamp) {
        String order = orderBy == null ? "" : orderBy.strip();
        if (order.isEmpty() || order.equals(timestamp + " desc")) {
            return false;
        }
        if (order.equals(timestamp) || order.equals(timestamp + " asc")) {
            return true;
        }
        throw new GraphRequest.BadRequest("Request_UnsupportedQuery", "Unsupported $orderby: '" + orderBy + "'; only " + timestamp + " is orderable.");
    }

    /** The feed's events in ascending time, then id; recomputed only when the log has grown. */
    private List<Event> events(Feed feed) {
        int count = tenant.eventCount(GraphUsers.PLATFORM);
        Sorted cached = sorted.get(feed.context());
        if (cached != null && cached.eventCount() == count) {
            return cached.events();
        }
        List<Event> events = new ArrayList<>(tenant.events(GraphUsers.PLATFORM, 0).stream().filter(feed.shows()).toList());
        events.sort(Comparator.comparing((Event e) -> time(e, feed)).thenComparing(Event::id));
        sorted.put(feed.context(), new Sorted(count, List.copyOf(events)));
        return events;
    }

    private static Instant time(Event e, Feed feed) {
        return e.at().truncatedTo(feed.precision());
    }

    private static int firstAtOrAfter(List<Event> events, Instant from, Feed feed) {
        int low = 0;
        int high = events.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (time(events.get(mid), feed).isBefore(from)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
