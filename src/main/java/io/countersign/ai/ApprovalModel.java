package io.countersign.ai;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.countersign.ai.internal.TrainedModel;
import io.countersign.ai.internal.Trainer;
import io.countersign.ledger.ModelRef;

/**
 * A calibrated probability that an access request would be approved, learned from past decisions, with the
 * factors behind it: how often peers (same manager, department, title, role attributes and their combinations)
 * were approved for the same resource.
 *
 * <p>Runs locally with no network and no side effects: training reads only the table it is given, scoring
 * reads only the request. Callers that act on a score (the requests workflow) ledger it together with
 * {@link #ref()}, whose version is the SHA-256 prefix of {@link #toBytes()}, and persist the bytes.
 * Training is deterministic for a given {@link ModelSettings#seed()}.
 */
public final class ApprovalModel {

    private static final int MAGIC = 0x43534d31;
    private static final String MODEL_ID = "approval-model";

    private final TrainedModel model;
    private final byte[] bytes;
    private final ModelRef ref;

    private ApprovalModel(TrainedModel model, byte[] bytes) {
        this.model = model;
        this.bytes = bytes;
        this.ref = new ModelRef(MODEL_ID, version(bytes));
    }

    public static ApprovalModel train(DecisionTable table, ModelSettings settings) {
        if (table.size() == 0) {
            throw ModelException.badTable("table: no rows to train on");
        }
        TrainedModel model = Trainer.train(table, settings);
        return new ApprovalModel(model, serialise(model));
    }

    /** Scores one request; keys are column names. A missing column or a value never seen counts as no evidence. */
    public ApprovalScore score(Map<String, String> request) {
        List<FactorContribution> factors = model.factors(rowOf(request));
        double logit = factors.stream().mapToDouble(FactorContribution::contribution).sum();
        return new ApprovalScore(1 / (1 + Math.exp(-logit)), factors);
    }

    /** Approval probabilities for every row of a table, matched to the model's columns by name. */
    public double[] probabilities(DecisionTable table) {
        List<String> columns = model.columns();
        int[] positions = new int[columns.size()];
        for (int c = 0; c < positions.length; c++) {
            positions[c] = table.columns().indexOf(columns.get(c));
        }
        double[] probabilities = new double[table.size()];
        String[] row = new String[columns.size()];
        for (int r = 0; r < probabilities.length; r++) {
            for (int c = 0; c < row.length; c++) {
                row[c] = positions[c] < 0 ? "" : table.value(r, positions[c]);
            }
            probabilities[r] = model.probability(row);
        }
        return probabilities;
    }

    public List<String> columns() {
        return model.columns();
    }

    public ModelRef ref() {
        return ref;
    }

    public byte[] toBytes() {
        return bytes.clone();
    }

    public static ApprovalModel fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != MAGIC) {
                throw new ModelException("bad-model", "model bytes: not an approval model (wrong header)");
            }
            TrainedModel model = TrainedModel.read(in);
            if (in.read() != -1) {
                throw new ModelException("bad-model", "model bytes: trailing data after the model");
            }
            return new ApprovalModel(model, bytes.clone());
        } catch (IOException e) {
            throw new ModelException("bad-model", "model bytes: truncated or corrupt (" + e.getMessage() + ")");
        }
    }

    private String[] rowOf(Map<String, String> request) {
        List<String> columns = model.columns();
        String[] row = new String[columns.size()];
        for (int c = 0; c < row.length; c++) {
            String value = request.get(columns.get(c));
            row[c] = value == null ? "" : value.trim();
        }
        return row;
    }

    private static byte[] serialise(TrainedModel model) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeInt(MAGIC);
            model.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    private static String version(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
