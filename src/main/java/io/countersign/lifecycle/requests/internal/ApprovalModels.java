package io.countersign.lifecycle.requests.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.countersign.ai.ApprovalModel;
import io.countersign.ai.DecisionTable;
import io.countersign.ai.ModelException;
import io.countersign.ai.ModelMetrics;
import io.countersign.ai.ModelSettings;
import io.countersign.directory.Directory;
import io.countersign.directory.RequestOutcome;
import io.countersign.ledger.EntryKind;
import io.countersign.ledger.Ledger;
import io.countersign.ledger.LedgerDraft;
import io.countersign.ledger.LedgerEntry;
import io.countersign.lifecycle.requests.AccessRequests;
import io.countersign.lifecycle.requests.RequestException;
import io.countersign.lifecycle.requests.RequestModelInfo;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The approval model for the current request history: kept in memory, persisted in {@code approval_model} so a
 * restart loads rather than retrains, and retrained when the history changes (a new bank or HR load), or trained on
 * a CSV of past requests when {@code countersign.requests.training-csv} names one. Training
 * holds out a seeded share of the history to measure the model, and is ledgered as one entry.
 */
@Component
class ApprovalModels {

    /** A model ready to score, with what is known about it. */
    record Current(ApprovalModel model, RequestModelInfo info) { }

    private final Directory directory;
    private final Ledger ledger;
    private final JdbcTemplate jdbc;
    private final RequestProperties properties;
    private final Clock clock = Clock.systemUTC();
    private static final String TRAINING_CSV = "countersign.requests.training-csv";

    private Current current;

    ApprovalModels(Directory directory, Ledger ledger, JdbcTemplate jdbc, RequestProperties properties) {
        this.directory = directory;
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** The model for the directory's current history, or empty when there is no history to learn from. */
    synchronized Optional<Current> current() {
        long history = properties.trainingCsv() == null ? directory.counts().pastRequests() : -1;
        String data = trainingData(history);
        if (current != null && current.info().trainingData().equals(data)) {
            return Optional.of(current);
        }
        if (history == 0) {
            return Optional.empty();
        }
        current = load(data).orElseGet(() -> train(data));
        return Optional.of(current);
    }

    RequestModelInfo info() {
        return current().map(Current::info).orElseThrow(() -> RequestException.noModel(
                "no approval model: the directory holds no access request history to learn from"));
    }

    /** What the model is trained on; a change of it (a new bank, a new history, another CSV) means retraining. */
    private String trainingData(long historyRows) {
        Path csv = properties.trainingCsv();
        if (csv == null) {
            return directory.source().orElse("empty") + ";requests=" + historyRows;
        }
        try {
            return "csv:" + csv.toAbsolutePath().normalize() + ";bytes=" + Files.size(csv) + ";modified=" + Files.getLastModifiedTime(csv);
        } catch (IOException e) {
            throw RequestException.invalid(TRAINING_CSV, csv + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    private Optional<Current> load(String data) {
        return jdbc.query("select bytes, version, model_id, trained_at, rows_train, rows_holdout, logloss, auc, error_rate, train_seconds,"
                + " ledger_seq from approval_model where training_data = ? order by trained_at desc limit 1", (rs, i) -> {
                    ApprovalModel model = ApprovalModel.fromBytes(rs.getBytes("bytes"));
                    int holdout = rs.getInt("rows_holdout");
                    ModelMetrics metrics = holdout == 0 ? null
                            : new ModelMetrics(rs.getDouble("logloss"), rs.getDouble("auc"), rs.getDouble("error_rate"), holdout);
                    return new Current(model, new RequestModelInfo(model.ref(), data, rs.getTimestamp("trained_at").toInstant(),
                            rs.getInt("rows_train"), holdout, metrics, rs.getDouble("train_seconds"), rs.getLong("ledger_seq"), false));
                }, data).stream().findFirst();
    }

    private Current train(String data) {
        DecisionTable all = history();
        DecisionTable.Split split = all.stratifiedSplit(all.size() < 10 ? 0 : properties.holdoutShare(), properties.modelSeed());
        DecisionTable training = all.rows(split.train());
        long start = System.nanoTime();
        ApprovalModel model = ApprovalModel.train(training, ModelSettings.defaults().withSeed(properties.modelSeed()));
        double seconds = (System.nanoTime() - start) / 1e9;
        ModelMetrics holdout = null;
        if (split.test().length > 0) {
            DecisionTable held = all.rows(split.test());
            holdout = ModelMetrics.of(model.probabilities(held), held);
        }
        Instant now = clock.instant();
        LedgerEntry entry = ledger.append(LedgerDraft.of(EntryKind.ADMINISTRATION, AccessRequests.WORKFLOW)
                .actor("countersign").subject("model:" + model.ref().id())
                .context(trainingContext(data, csvDigest(), training.size(), holdout, seconds)).model(model.ref()).build());
        RequestModelInfo info = new RequestModelInfo(model.ref(), data, now, training.size(), split.test().length, holdout, seconds,
                entry.seq(), true);
        persist(model, info);
        return new Current(model, info);
    }

    private DecisionTable history() {
        return properties.trainingCsv() == null ? directoryHistory() : csvHistory(properties.trainingCsv(), properties.trainingLabel());
    }

    /** Past requests from a CSV: each column one of the request features, so that new requests are scored on the same ones. */
    private static DecisionTable csvHistory(Path csv, String label) {
        DecisionTable table;
        try {
            table = DecisionTable.readCsv(csv, label);
        } catch (ModelException e) {
            throw RequestException.invalid(TRAINING_CSV, e.getMessage());
        }
        for (String column : table.columns()) {
            if (!Features.COLUMNS.contains(column)) {
                throw RequestException.invalid(TRAINING_CSV, csv.getFileName() + ":1: " + column + ": not a request feature (columns may be "
                        + String.join(", ", Features.COLUMNS) + ")");
            }
        }
        if (!table.columns().contains("resource") || table.size() == 0) {
            throw RequestException.invalid(TRAINING_CSV, csv.getFileName() + ": needs a resource column and at least one row");
        }
        return table;
    }

    private DecisionTable directoryHistory() {
        DecisionTable.Builder table = DecisionTable.builder(Features.COLUMNS);
        directory.forEachPastRequest(past -> table.add(Features.of(past), past.outcome() == RequestOutcome.APPROVED));
        return table.build();
    }

    /** The training CSV's SHA-256, so an auditor can tell which file the model learnt from; null when trained on the history. */
    private String csvDigest() {
        if (properties.trainingCsv() == null) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(properties.trainingCsv())));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw RequestException.invalid(TRAINING_CSV, properties.trainingCsv() + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    private static Map<String, Object> trainingContext(String data, String csvSha256, int rows, ModelMetrics holdout, double seconds) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("event", "approval_model_trained");
        context.put("training_data", data);
        if (csvSha256 != null) {
            context.put("training_csv_sha256", csvSha256);
        }
        context.put("rows_train", rows);
        context.put("train_seconds", seconds);
        if (holdout != null) {
            context.put("holdout", Map.of("rows", holdout.rows(), "logloss", holdout.logloss(), "auc", holdout.auc(),
                    "error_rate", holdout.errorRate()));
        }
        return context;
    }

    private void persist(ApprovalModel model, RequestModelInfo info) {
        ModelMetrics m = info.holdout();
        jdbc.update("insert into approval_model (version, model_id, bytes, trained_at, training_data, rows_train, rows_holdout, logloss, auc,"
                        + " error_rate, train_seconds, ledger_seq) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (version) do update set trained_at = excluded.trained_at, training_data = excluded.training_data,"
                        + " ledger_seq = excluded.ledger_seq",
                info.ref().version(), info.ref().id(), model.toBytes(), Timestamp.from(info.trainedAt()), info.trainingData(),
                info.rowsTrain(), info.rowsHoldout(), m == null ? null : m.logloss(), m == null ? null : m.auc(),
                m == null ? null : m.errorRate(), info.trainSeconds(), info.ledgerSeq());
    }
}
