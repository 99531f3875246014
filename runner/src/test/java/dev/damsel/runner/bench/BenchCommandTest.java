package dev.damsel.runner.bench;

import dev.damsel.runner.Damsel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

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
                "--seconds", "0.05", "--warmup", "0", "--storage", "trained");
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1].lines()).singleElement().asString().startsWith("bench=step probes_per_s=")
                .contains("vector=", "threads=", "storage=trained");
    }

    @Test
    void stepWithPhasesPrintsThemOnASecondLine() {
        String[] r = run("bench", "step", "--dim", "33", "--memories", "7", "--probes", "5", "--degree", "3",
                "--seconds", "0.05", "--warmup", "0", "--phases");
        assertThat(r[0]).isEqualTo("0");
        List<String> lines = r[1].lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("bench=step probes_per_s=");
        Map<String, String> phases = fields(lines.get(1));
        assertThat(phases).containsEntry("bench", "step-phases")
                .containsKeys("pack_ns", "overlaps_ns", "magnitudes_ns", "product_ns", "signs_ns", "wall_ns");
        assertThat(Long.parseLong(phases.get("probes"))).as("stored patterns take the timed two-product step")
                .isPositive().matches(p -> p % 5 == 0, "whole batches of 5");
        assertThat(Double.parseDouble(phases.get("overlaps_ns"))).isPositive();
        assertThat(Double.parseDouble(phases.get("product_ns"))).isPositive();
    }

    @Test
    void trainPrintsOneMachineReadableLine() {
        String[] r = run("bench", "train", "--dim", "20", "--items", "3", "--memories", "10", "--degree", "3",
                "--epochs", "5", "--warmup", "0.05", "--seconds", "0.05");
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1].lines()).singleElement().asString().startsWith("bench=train epochs_per_s=")
                .contains("ms_per_epoch=", "fixed_points=");
    }

    /** Every training, warm-up or timed, starts from a copy of the start: the last ends where a lone one ends. */
    @Test
    void warmingUpLeavesTheTimedTrainingAlone() {
        String[] args = {"bench", "train", "--dim", "30", "--items", "4", "--memories", "12", "--degree", "3",
                "--epochs", "40"};
        Map<String, String> cold = fields(run(concat(args, "--warmup", "0", "--seconds", "0.001"))[1]);
        Map<String, String> warm = fields(run(concat(args, "--warmup", "0.2", "--seconds", "0.2"))[1]);
        assertThat(cold).containsEntry("trainings", "1");
        assertThat(Integer.parseInt(warm.get("trainings"))).isGreaterThan(1);
        for (String key : new String[]{"fixed_points", "wrong_sign", "final_loss"}) {
            assertThat(warm.get(key)).as(key).isNotNull().isEqualTo(cold.get(key));
        }
    }

    private static String[] concat(String[] head, String... tail) {
        String[] all = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    /**
     * The seed example trained by damsel ends where the seed authors' procedure, run independently in numpy (float64),
     * ends from the same start. The expected figures were printed by {@code bench/python/train_numpy.py --start DIR}
     * on the patterns and ξ that {@code damsel bench train [--init normal] --seed S --save-start DIR} wrote.
     */
    @Test
    void trainingEndsWhereTheNumpyReferenceEndsFromTheSameStart(@TempDir Path dir) throws IOException {
        // seed 2, the seed's uniform start: numpy fixed_points=12/25 final_loss=1275.07 wrong_sign=653
        Map<String, String> uniform = fields(run("bench", "train", "--seed", "2", "--warmup", "0", "--seconds", "0.01",
                "--save-start", dir.resolve("uniform").toString())[1]);
        assertThat(uniform).containsEntry("fixed_points", "12/25").containsEntry("wrong_sign", "653");
        assertThat(Double.parseDouble(uniform.get("final_loss"))).isCloseTo(1275.07, within(0.01));
        // seed 3, a zero-mean normal start: numpy fixed_points=25/25 final_loss=3.52723e-13 wrong_sign=0
        Map<String, String> normal = fields(run("bench", "train", "--init", "normal", "--seed", "3", "--warmup",
                "0", "--seconds", "0.01")[1]);
        assertThat(normal).containsEntry("fixed_points", "25/25").containsEntry("wrong_sign", "0");
        assertThat(Double.parseDouble(normal.get("final_loss"))).isCloseTo(3.52723e-13, withinPercentage(0.01));

        List<String> patterns = Files.readAllLines(dir.resolve("uniform").resolve("patterns.txt"));
        assertThat(patterns).hasSize(25).allSatisfy(row -> assertThat(row.split(" ")).hasSize(100)
                .allMatch(v -> v.equals("1.0") || v.equals("-1.0")));
        List<String> xi = Files.readAllLines(dir.resolve("uniform").resolve("xi.txt"));
        assertThat(xi).hasSize(100).allSatisfy(row -> assertThat(row.split(" ")).hasSize(100)
                .allMatch(v -> Float.parseFloat(v) >= 0 && Float.parseFloat(v) < 1));
    }

    private static Map<String, String> fields(String line) {
        Map<String, String> out = new HashMap<>();
        for (String part : line.strip().split(" ")) {
            int eq = part.indexOf('=');
            out.put(part.substring(0, eq), part.substring(eq + 1));
        }
        return out;
    }

    @Test
    void gemmPrintsOneMachineReadableLine() {
        String[] r = run("bench", "gemm", "--m", "7", "--n", "5", "--k", "3", "--seconds", "0.05", "--warmup", "0.01");
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1].lines()).singleElement().asString().startsWith("bench=gemm gflops=")
                .contains("parallel_gflops=", "m=7 n=5 k=3 vector=", "threads=");
    }

    @Test
    void badGemmFlagsGiveOneLineAndExitTwo() {
        for (String[] args : new String[][]{{"bench", "gemm", "--m", "0"}, {"bench", "gemm", "--k", "x"},
                {"bench", "gemm", "--seconds", "-1"}, {"bench", "gemm", "--m", "100000", "--k", "100000"},
                {"bench", "gemm", "--size", "3"}, {"bench", "gemm", "--warmup", "-0.5"}}) {
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
        r = run("bench", "step", "--warmup", "-1");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2].lines()).singleElement().asString().contains("--warmup must be >= 0 (got -1.0)");
        r = run("bench", "step", "--storage", "disk");
        assertThat(r[0]).isEqualTo("2");
        r = run("bench", "step", "--dim", "0");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2].lines()).singleElement().asString().contains("--dim must be > 0 (got 0)").doesNotContain("0.0");
        r = run("bench", "train", "--warmup", "-0.5");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2].lines()).singleElement().asString().contains("--warmup must be >= 0 (got -0.5)");
        r = run("bench", "train", "--seconds", "0");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2].lines()).singleElement().asString().contains("--seconds must be > 0");
        r = run("bench", "train", "--epochs", "-3");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2].lines()).singleElement().asString().contains("--epochs must be > 0 (got -3)");
    }
}
