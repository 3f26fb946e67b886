package io.countersign.connectors.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.countersign.connectors.EventPage;
import io.countersign.connectors.InboundEvent;
import io.countersign.connectors.InboundEventsStored;
import io.countersign.connectors.Inbox;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Service
class JdbcInbox implements Inbox {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "platform, event_id, stream, event_type, occurred_at, actor, target, outcome, source_ip, payload";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    JdbcInbox(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.events = events;
    }

    @Override
    public int store(List<InboundEvent> batch) {
        Integer stored = transactions.execute(status -> insert(batch));
        return stored == null ? 0 : stored;
    }

    @Override
    public int storePage(String platform, String stream, EventPage page) {
        Integer stored = transactions.execute(status -> {
            int inserted = insert(page.events());
            jdbc.update("insert into connector_cursor (platform, stream, cursor, updated_at) values (?, ?, ?, now())"
                    + " on conflict (platform, stream) do update set cursor = excluded.cursor, updated_at = excluded.updated_at",
                    platform, stream, page.nextCursor());
            return inserted;
        });
        return stored == null ? 0 : stored;
    }

    /** Inserts the new events and announces them (the announcement commits with them). */
    private int insert(List<InboundEvent> batch) {
        int inserted = 0;
        for (InboundEvent e : batch) {
            inserted += jdbc.update("insert into inbox_event (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)"
                            + " on conflict (platform, event_id) do nothing", e.platform(), e.eventId(), e.stream(), e.type(),
                    Timestamp.from(e.occurredAt()), e.actor(), e.target(), e.outcome(), e.sourceIp(), JSON.writeValueAsString(e.payload()));
        }
        if (inserted > 0) {
            events.publishEvent(new InboundEventsStored(batch.getFirst().platform(), batch.getFirst().stream(), inserted));
        }
        return inserted;
    }

    @Override
    public Optional<String> cursor(String platform, String stream) {
        return jdbc.queryForList("select cursor from connector_cursor where platform = ? and stream = ?", String.class, platform, stream)
                .stream().findFirst();
    }

    @Override
    public void resetCursor(String platform, String stream) {
        jdbc.update("delete from connector_cursor where platform = ? and stream = ?", platform, stream);
    }

    @Override
    public List<InboundEvent> pending(int limit) {
        return jdbc.query("select " + COLUMNS + " from inbox_event where processed_at is null order by received_at, occurred_at limit ?",
                JdbcInbox::row, limit);
    }

    @Override
    public List<InboundEvent> pending(String platform, String stream, int limit) {
        return jdbc.query("select " + COLUMNS + " from inbox_event where processed_at is null and platform = ? and stream = ?"
                + " order by received_at, occurred_at limit ?", JdbcInbox::row, platform, stream, limit);
    }

    @Override
    public boolean markProcessed(String platform, String eventId) {
        return jdbc.update("update inbox_event set processed_at = now() where platform = ? and event_id = ? and processed_at is null",
                platform, eventId) == 1;
    }

    @Override
    public Optional<InboundEvent> find(String platform, String eventId) {
        return jdbc.query("select " + COLUMNS + " from inbox_event where platform = ? and event_id = ?", JdbcInbox::row, platform, eventId)
                .stream().findFirst();
    }

    @Override
    public Optional<Instant> receivedAt(String platform, String eventId) {
        return jdbc.queryForList("select received_at from inbox_event where platform = ? and event_id = ?", Timestamp.class, platform, eventId)
                .stream().findFirst().map(Timestamp::toInstant);
    }

    @Override
    public long count(String platform, String stream) {
        Long count = jdbc.queryForObject("select count(*) from inbox_event where platform = ? and stream = ?", Long.class, platform, stream);
        return count == null ? 0 : count;
    }

    private static InboundEvent row(ResultSet rs, int i) throws SQLException {
        return new InboundEvent(rs.getString("platform"), rs.getString("event_id"), rs.getString("stream"), rs.getString("event_type"),
                rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), rs.getString("target"), rs.getString("outcome"),
                rs.getString("source_ip"), JSON.readValue(rs.getString("payload"), new TypeReference<Map<String, Object>>() { }));
    }
}
