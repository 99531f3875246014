package dev.damsel.reports.table;

import dev.damsel.reports.Fixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class MatrixTableTest {

    @Test
    void matchesTheGoldenFile() throws IOException {
        assertThat(MatrixTable.render(Fixtures.twoTasks())).isEqualTo(Fixtures.golden("table.txt"));
    }

    @Test
    void addsAJointRowWhenThereIsAReference() {
        String text = MatrixTable.render(Fixtures.threeTasksWithReference());

        assertThat(text).contains("joint (a*)          95.0      90.0     100.0\n");
        assertThat(text).contains("intransigence      = 0.0500\n");
    }

    @Test
    void hasNoTrailingSpaces() {
        for (String line : MatrixTable.render(Fixtures.threeTasksWithReference()).split("\n")) {
            assertThat(line).doesNotEndWith(" ");
        }
    }
}
