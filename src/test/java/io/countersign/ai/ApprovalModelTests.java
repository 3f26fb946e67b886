package io.countersign.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The approval model on a synthetic table with a planted rule: each department is approved for its own resources. */
class ApprovalModelTests {

    private static final List<String> COLUMNS = List.of("RESOURCE", "MGR_ID", "ROLE_DEPTNAME", "ROLE_TITLE");
    private static final ModelSettings FAST = ModelSettings.defaults().withSeed(7);

    /** Department d may have resources r with r % 10 in {d, d + 1}: 95 % approved; anything else 10 %. */
    static DecisionTable planted(int rows, long seed) {
        Random random = new Random(seed);
        DecisionTable.Builder builder = DecisionTable.builder(COLUMNS);
        for (int i = 0; i < rows; i++) {
            int department = random.nextInt(10);
            int resource = random.nextInt(2) == 0 ? department + 10 * random.nextInt(4) : random.nextInt(40);
            boolean own = resource % 10 == department || resource % 10 == (department + 1) % 10;
            boolean approved = random.nextDouble() < (own ? 0.95 : 0.10);
            builder.add(List.of("R" + resource, "M" + random.nextInt(30), "D" + department, "T" + random.nextInt(5)), approved);
        }
        return builder.build();
    }

    private static final ApprovalModel MODEL = ApprovalModel.train(planted(4000, 1), FAST);

    @Test
    void learnsThePlantedRuleAndIsCalibratedOnHeldOutRows() {
        DecisionTable test = planted(6000, 2);
        double[] p = MODEL.probabilities(test);
        ModelMetrics metrics = ModelMetrics.of(p, test);

        assertThat(metrics.auc()).isGreaterThan(0.85);
        assertThat(metrics.errorRate()).isLessThan(0.12);
        double[] predicted = new double[10];
        double[] observed = new double[10];
        for (int r = 0; r < p.length; r++) {
            int bin = Math.min(9, (int) (p[r] * 10));
            predicted[bin] += p[r];
            observed[bin] += test.approved(r) ? 1 : 0;
        }
        double calibrationError = 0;
        for (int bin = 0; bin < 10; bin++) {
            calibrationError += Math.abs(predicted[bin] - observed[bin]) / p.length;
        }
        assertThat(calibrationError).as("expected calibration error over 10 bins").isLessThan(0.04);
    }

    @Test
    void factorsAddUpToTheLogitAndAreNamedAndExplained() {
        ApprovalScore score = MODEL.score(Map.of("RESOURCE", "R13", "MGR_ID", "M4", "ROLE_DEPTNAME", "D3", "ROLE_TITLE", "T1"));

        double sum = score.factors().stream().mapToDouble(FactorContribution::contribution).sum();
        assertThat(sum).isCloseTo(score.logit(), within(1e-9));
        assertThat(score.probability()).isGreaterThan(0.8);
        assertThat(score.factors()).extracting(FactorContribution::factor).contains("prior", "RESOURCE×ROLE_DEPTNAME");
        assertThat(score.factors()).allSatisfy(f -> assertThat(f.explanation()).matches("(\\d+ of \\d+ past requests? .*approved|no past request .*)"));
        assertThat(score.factors()).isSortedAccordingTo((a, b) -> Double.compare(Math.abs(b.contribution()), Math.abs(a.contribution())));
        FactorContribution peers = score.factors().stream().filter(f -> f.factor().equals("RESOURCE×ROLE_DEPTNAME")).findFirst().orElseThrow();
        assertThat(peers.explanation()).matches("\\d+ of \\d+ past requests for this resource from the same department were approved");
        assertThat(peers.contribution()).isPositive();
    }

    @Test
    void deniesWhatTheDepartmentNeverGets() {
        ApprovalScore score = MODEL.score(Map.of("RESOURCE", "R15", "MGR_ID", "M4", "ROLE_DEPTNAME", "D3", "ROLE_TITLE", "T1"));

        assertThat(score.probability()).isLessThan(0.3);
    }

    @Test
    void unseenValuesAndMissingColumnsAreNoEvidenceNotErrors() {
        Map<String, String> request = new HashMap<>();
        request.put("RESOURCE", "R999");
        request.put("UNKNOWN_COLUMN", "x");
        ApprovalScore score = MODEL.score(request);

        assertThat(score.probability()).isBetween(0.0, 1.0);
        double sum = score.factors().stream().mapToDouble(FactorContribution::contribution).sum();
        assertThat(sum).isCloseTo(score.logit(), within(1e-9));
        assertThat(MODEL.score(Map.of()).probability()).isBetween(0.0, 1.0);
        assertThat(score.factors()).extracting(FactorContribution::explanation).contains("no past request for this resource");
    }

    @Test
    void sameSeedGivesTheSameModelBytesAndVersion() {
        DecisionTable table = planted(1500, 3);
        ApprovalModel first = ApprovalModel.train(table, FAST);
        ApprovalModel second = ApprovalModel.train(table, FAST);

        assertThat(second.toBytes()).isEqualTo(first.toBytes());
        assertThat(second.ref()).isEqualTo(first.ref());
        assertThat(first.ref().id()).isEqualTo("approval-model");
        assertThat(first.ref().version()).matches("[0-9a-f]{12}");
        assertThat(ApprovalModel.train(table, FAST.withSeed(8)).ref()).isNotEqualTo(first.ref());
    }

    @Test
    void roundTripsThroughBytesScoringIdentically() {
        ApprovalModel copy = ApprovalModel.fromBytes(MODEL.toBytes());
        DecisionTable test = planted(500, 4);

        assertThat(copy.probabilities(test)).containsExactly(MODEL.probabilities(test));
        assertThat(copy.ref()).isEqualTo(MODEL.ref());
        assertThat(copy.columns()).isEqualTo(COLUMNS);
        Map<String, String> request = Map.of("RESOURCE", "R2", "ROLE_DEPTNAME", "D2");
        assertThat(copy.score(request)).isEqualTo(MODEL.score(request));
    }

    @Test
    void rejectsBytesThatAreNoModel() {
        assertThatThrownBy(() -> ApprovalModel.fromBytes(new byte[] {1, 2, 3, 4, 5}))
                .isInstanceOf(ModelException.class).hasMessage("model bytes: not an approval model (wrong header)");
        byte[] truncated = java.util.Arrays.copyOf(MODEL.toBytes(), 100);
        assertThatThrownBy(() -> ApprovalModel.fromBytes(truncated))
                .isInstanceOf(ModelException.class).hasMessageStartingWith("model bytes: truncated or corrupt");
    }

    @Test
    void metricsMatchHandComputedValues() {
        DecisionTable truth = DecisionTable.builder(List.of("X"))
                .add(List.of("a"), true).add(List.of("b"), false).add(List.of("c"), true).add(List.of("d"), false).build();
        ModelMetrics metrics = ModelMetrics.of(new double[] {0.9, 0.2, 0.4, 0.4}, truth);

        assertThat(metrics.logloss()).isCloseTo(-(Math.log(0.9) + Math.log(0.8) + Math.log(0.4) + Math.log(0.6)) / 4, within(1e-12));
        assertThat(metrics.auc()).isCloseTo(0.875, within(1e-12));
        assertThat(metrics.errorRate()).isEqualTo(0.25);
        assertThat(metrics.rows()).isEqualTo(4);
    }
}
