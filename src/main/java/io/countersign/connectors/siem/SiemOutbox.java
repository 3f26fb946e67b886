package io.countersign.connectors.siem;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The OCSF documents waiting for each output ({@code siem_event}, {@code siem_output}, {@code siem_delivery}). */
final class SiemOutbox {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;

    SiemOutbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the document unless one with its uid is kept already; returns whether it was new. */
    boolean add(OcsfEvent event) {
        return jdbc.update("insert into siem_event (uid, class_uid, sourcetype, event_time, document) values (?, ?, ?, ?, ?::jsonb)"
                        + " on conflict (uid) do nothing", event.uid(), event.classUid(), event.sourcetype(), Timestamp.from(event.time()),
                JSON.writeValueAsString(event.document())) > 0;
    }

    /** Remembers an output the first time it is seen: it gets what is added from then on. */
    void register(String output) {
        jdbc.update("insert into siem_output (name, from_seq) select ?, coalesce(max(seq), 0) from siem_event on conflict (name) do nothing", output);
    }

    /** The oldest documents the output has not taken, at most {@code limit}. */
    List<OcsfEvent> pending(String output, int limit) {
        return jdbc.query("select e.uid, e.class_uid, e.sourcetype, e.event_time, e.document from siem_event e"
                        + " where e.seq > (select from_seq from siem_output where name = ?)"
                        + " and not exists (select 1 from siem_delivery d where d.output = ? and d.uid = e.uid) order by e.seq limit ?",
                (rs, i) -> new OcsfEvent(rs.getString("uid"), rs.getInt("class_uid"), rs.getString("sourcetype"),
                        rs.getTimestamp("event_time").toInstant(),
                        JSON.readValue(rs.getString("document"), new TypeReference<Map<String, Object>>() { })),
                output, output, limit);
    }

    /** Records that the output took the documents ({@code delivered}) or refused them for good ({@code rejected}). */
    void taken(String output, List<OcsfEvent> events, String status, String detail) {
        jdbc.batchUpdate("insert into siem_delivery (output, uid, status, detail) values (?, ?, ?, ?) on conflict do nothing",
                events.stream().map(e -> new Object[] {output, e.uid(), status, detail}).toList());
    }
}
