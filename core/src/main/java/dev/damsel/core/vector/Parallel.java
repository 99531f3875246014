package dev.damsel.core.vector;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * A fixed pool for the kernels' outer loops, sized once from the system property {@value #PROPERTY} (default: the
 * number of processors). Work is split into blocks fixed by the caller, never by the thread count or by arrival order,
 * and each block writes only its own outputs; reductions over blocks happen afterwards in block order. So results do
 * not depend on how many threads run.
 *
 * <p>Calls from inside a pool thread run their blocks inline (no nested submission, no deadlock).
 */
public final class Parallel {
    /** The system property that sets the thread count (≥ 1). */
    public static final String PROPERTY = "damsel.threads";
    private static final int THREADS = threadsFromProperty();
    private static final ExecutorService POOL = THREADS == 1 ? null : Executors.newFixedThreadPool(THREADS, r -> {
        Thread t = new Thread(r, "damsel-kernel");
        t.setDaemon(true);
        return t;
    });
    private static final ThreadLocal<Boolean> INSIDE = ThreadLocal.withInitial(() -> false);
    private static volatile int limit = THREADS;

    private Parallel() {
    }

    /** The number of threads kernels use. */
    public static int threads() {
        return limit;
    }

    /**
     * Uses at most {@code threads} threads from now on (between 1 and the pool's size, {@value #PROPERTY} or the
     * processor count). Results do not change; only the speed does.
     */
    public static void setThreads(int threads) {
        if (threads < 1 || threads > THREADS) {
            throw new IllegalArgumentException("threads must be in [1, " + THREADS + "], got " + threads);
        }
        limit = threads;
    }

    private static int threadsFromProperty() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            int threads = Integer.parseInt(value.trim());
            if (threads >= 1) {
                return threads;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalStateException("-D" + PROPERTY + " must be a whole number >= 1, got '" + value + "'");
    }

    /** Runs {@code body} for blocks 0..blocks−1, on up to {@link #threads()} threads, and returns when all are done. */
    public static void forEach(int blocks, IntConsumer body) {
        int workers = Math.min(limit, blocks);
        if (POOL == null || workers <= 1 || INSIDE.get()) {
            for (int b = 0; b < blocks; b++) {
                body.accept(b);
            }
            return;
        }
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        Runnable worker = () -> {
            INSIDE.set(true);
            try {
                for (int b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
                    body.accept(b);
                }
            } finally {
                INSIDE.set(false);
            }
        };
        List<Future<?>> futures = new ArrayList<>(workers - 1);
        for (int w = 1; w < workers; w++) {
            futures.add(POOL.submit(worker));
        }
        worker.run();
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for kernel threads", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(cause);
            }
        }
    }
}
