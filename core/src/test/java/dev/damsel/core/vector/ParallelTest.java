package dev.damsel.core.vector;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The kernel threads: every block once, failures passed on, nested and concurrent calls, any thread count. */
class ParallelTest {

    @Test
    void everyBlockRunsExactlyOnceForAnyThreadCountAndBlockCount() {
        int threads = Parallel.threads();
        try {
            for (int t = 1; t <= threads; t++) {
                Parallel.setThreads(t);
                for (int blocks : new int[]{0, 1, 2, 3, 7, 64, 1000}) {
                    AtomicIntegerArray runs = new AtomicIntegerArray(blocks);
                    Parallel.forEach(blocks, runs::incrementAndGet);
                    for (int b = 0; b < blocks; b++) {
                        assertThat(runs.get(b)).as("block %d of %d on %d threads", b, blocks, t).isEqualTo(1);
                    }
                }
            }
        } finally {
            Parallel.setThreads(threads);
        }
    }

    @Test
    void manyCallsInARowWithIdleGapsAllComplete() throws InterruptedException {
        long[] sums = new long[4];
        for (int call = 0; call < 20_000; call++) {
            if (call % 2_000 == 0) {
                Thread.sleep(2); // long enough for the helpers to stop spinning and park
            }
            int c = call;
            Parallel.forEach(4, b -> sums[b] += c);
        }
        long expected = 20_000L * 19_999 / 2;
        assertThat(sums).containsOnly(expected);
    }

    @Test
    void aFailingBlockReachesTheCallerAndTheThreadsStayUsable() {
        assertThatThrownBy(() -> Parallel.forEach(16, b -> {
            if (b == 9) {
                throw new IllegalArgumentException("block 9 failed");
            }
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("block 9 failed");
        assertThatThrownBy(() -> Parallel.forEach(16, b -> {
            if (b == 3) {
                throw new AssertionError("an error too");
            }
        })).isInstanceOf(AssertionError.class).hasMessage("an error too");
        AtomicIntegerArray runs = new AtomicIntegerArray(16);
        Parallel.forEach(16, runs::incrementAndGet);
        for (int b = 0; b < 16; b++) {
            assertThat(runs.get(b)).isEqualTo(1);
        }
    }

    @Test
    void aCallInsideABlockRunsInlineOnThatBlocksThread() {
        Set<String> mismatches = ConcurrentHashMap.newKeySet();
        AtomicIntegerArray inner = new AtomicIntegerArray(8 * 8);
        Parallel.forEach(8, outer -> {
            Thread thread = Thread.currentThread();
            Parallel.forEach(8, b -> {
                if (Thread.currentThread() != thread) {
                    mismatches.add(outer + "/" + b);
                }
                inner.incrementAndGet(outer * 8 + b);
            });
        });
        assertThat(mismatches).isEmpty();
        for (int i = 0; i < 64; i++) {
            assertThat(inner.get(i)).isEqualTo(1);
        }
    }

    @Test
    void callsFromSeveralThreadsAtOnceEachGetAllTheirBlocks() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<long[]>> results = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                int caller = c;
                results.add(callers.submit(() -> {
                    long[] sums = new long[32];
                    for (int call = 0; call < 2_000; call++) {
                        Parallel.forEach(32, b -> sums[b] += caller + 1);
                    }
                    return sums;
                }));
            }
            for (int c = 0; c < 4; c++) {
                assertThat(results.get(c).get()).containsOnly(2_000L * (c + 1));
            }
        } finally {
            callers.shutdownNow();
        }
    }
}
