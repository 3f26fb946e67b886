package io.countersign.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecisionTableTests {

    @TempDir
    Path dir;

    private Path csv(String text) throws IOException {
        return Files.writeString(dir.resolve("decisions.csv"), text);
    }

    @Test
    void readsFeaturesAndTheLabelInAnyOfItsSpellings() throws IOException {
        DecisionTable table = DecisionTable.readCsv(csv("""
                RESOURCE,decision,TITLE
                r1,1,t1
                r2,denied,"t2, senior"
                r3,TRUE,t3
                r4,0,t4
                """), "decision");

        assertThat(table.columns()).containsExactly("RESOURCE", "TITLE");
        assertThat(table.size()).isEqualTo(4);
        assertThat(table.approved(0)).isTrue();
        assertThat(table.approved(1)).isFalse();
        assertThat(table.approved(2)).isTrue();
        assertThat(table.value(1, 1)).isEqualTo("t2, senior");
        DecisionTable subset = table.rows(new int[] {3, 0});
        assertThat(subset.size()).isEqualTo(2);
        assertThat(subset.value(0, 0)).isEqualTo("r4");
        assertThat(subset.approved(1)).isTrue();
    }

    @Test
    void aBadLabelNamesFileLineAndColumn() throws IOException {
        Path file = csv("RESOURCE,ACTION\nr1,1\nr2,maybe\n");

        assertThatThrownBy(() -> DecisionTable.readCsv(file, "ACTION")).isInstanceOf(ModelException.class)
                .hasMessage(file + ":3: ACTION: 'maybe' is not 1/0, true/false or approved/denied");
    }

    @Test
    void aShortRowNamesFileAndLine() throws IOException {
        Path file = csv("RESOURCE,ACTION,TITLE\nr1,1,t\nr2,0\n");

        assertThatThrownBy(() -> DecisionTable.readCsv(file, "ACTION")).isInstanceOf(ModelException.class)
                .hasMessage(file + ":3: row: 2 values, the header has 3");
    }

    @Test
    void anAbsentLabelColumnIsNamed() throws IOException {
        Path file = csv("RESOURCE,TITLE\nr1,t\n");

        assertThatThrownBy(() -> DecisionTable.readCsv(file, "ACTION"))
                .isInstanceOf(ModelException.class).hasMessage(file + ":1: ACTION: no such column (columns: RESOURCE, TITLE)")
                .extracting(e -> ((ModelException) e).code()).isEqualTo("bad-table");
    }

    @Test
    void aMissingFileIsNamed() {
        Path file = dir.resolve("absent.csv");

        assertThatThrownBy(() -> DecisionTable.readCsv(file, "ACTION")).hasMessage(file + ": no such file");
    }

    @Test
    void theBuilderRejectsRowsOfTheWrongWidth() {
        DecisionTable.Builder builder = DecisionTable.builder(List.of("A", "B"));

        assertThatThrownBy(() -> builder.add(List.of("x"), true)).hasMessage("row 1: 1 values for 2 columns");
    }

    @Test
    void aStratifiedSplitKeepsTheApprovalRateInBothPartsAndIsTheSameForTheSameSeed() {
        DecisionTable.Builder builder = DecisionTable.builder(List.of("resource"));
        for (int r = 0; r < 100; r++) {
            builder.add(List.of("r" + r), r % 10 != 0);
        }
        DecisionTable table = builder.build();

        DecisionTable.Split split = table.stratifiedSplit(0.2, 7);

        assertThat(split.test()).hasSize(20).isSorted();
        assertThat(split.train()).hasSize(80).isSorted().doesNotContain(split.test());
        assertThat(IntStream.of(split.test()).filter(r -> !table.approved(r)).count()).isEqualTo(2);
        assertThat(table.stratifiedSplit(0.2, 7).test()).isEqualTo(split.test());
        assertThat(table.stratifiedSplit(0, 7).test()).isEmpty();
    }
}
