package dev.damsel.runner.bench;

import dev.damsel.runner.Damsel;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class BenchCommandTest {

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Damsel.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[]{String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void stepPrintsOneMachineReadableLine() {
        String[] r = run("bench", "step", "--dim", "33", "--memories", "7", "--probes", "5", "--degree", "3",
                "--seconds", "0.05", "--storage", "trained");
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1].lines()).singleElement().asString().startsWith("bench=step probes_per_s=")
                .contains("vector=", "threads=", "storage=trained");
    }

    @Test
    void trainPrintsOneMachineReadableLine() {
        String[] r = run("bench", "train", "--dim", "20", "--items", "3", "--memories", "10", "--degree", "3",
                "--epochs", "5");
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1].lines()).singleElement().asString().startsWith("bench=train epochs_per_s=")
                .contains("ms_per_epoch=", "fixed_points=");
    }

    @Test
    void gemmPrintsOneMachineReadableLine() {
        String[] r = run("bench", "gemm", "--m", "7", "--n", "5", "--k", "3", "--seconds", "0.05");
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1].lines()).singleElement().asString().startsWith("bench=gemm gflops=")
                .contains("parallel_gflops=", "m=7 n=5 k=3 vector=", "threads=");
    }

    @Test
    void badGemmFlagsGiveOneLineAndExitTwo() {
        for (String[] args : new String[][]{{"bench", "gemm", "--m", "0"}, {"bench", "gemm", "--k", "x"},
                {"bench", "gemm", "--seconds", "-1"}, {"bench", "gemm", "--m", "100000", "--k", "100000"},
                {"bench", "gemm", "--size", "3"}}) {
            String[] r = run(args);
            assertThat(r[0]).as(String.join(" ", args)).isEqualTo("2");
            assertThat(r[2].lines()).as(String.join(" ", args)).hasSize(1);
        }
    }

    @Test
    void badFlagsGiveOneLineAndExitTwo() {
        String[] r = run("bench", "step", "--degree", "61");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2].lines()).singleElement().asString().contains("--degree");
        r = run("bench", "train", "--epochs", "x");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2].lines()).hasSize(1);
        r = run("bench", "step", "--storage", "disk");
        assertThat(r[0]).isEqualTo("2");
    }
}
