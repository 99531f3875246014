package dev.damsel.core.vector;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A fixed set of kernel threads for the kernels' outer loops, sized once from the system property {@value #PROPERTY}
 * (default: the number of processors). Work is split into blocks fixed by the caller, never by the thread count or by
 * arrival order, and each block writes only its own outputs; reductions over blocks happen afterwards in block order.
 * So results do not depend on how many threads run.
 *
 * <p>The calling thread takes blocks too. Helpers wait for the next call spinning for {@link #SPIN_NANOS} before they
 * park, and so does a caller waiting for its helpers: the kernels' calls come every few hundred microseconds (a step
 * of 128 probes, a float product, an epoch's gradient), and waking a parked thread took 20 µs back to back and 40–70
 * µs after an idle gap here, a tenth of a small call. Calls from inside a block run their blocks inline (no nested
 * hand-off, no deadlock), and so does a call made while another thread's call holds the helpers.
 */
public final class Parallel {
    /** The system property that sets the thread count (≥ 1). */
    public static final String PROPERTY = "damsel.threads";
    /** How long a helper waiting for work, or a caller waiting for its helpers, spins before it parks. */
    static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(200);
    private static final int THREADS = threadsFromProperty();
    private static final ThreadLocal<Boolean> INSIDE = ThreadLocal.withInitial(() -> false);
    /** The latest call handed to the helpers (null before the first). */
    private static final AtomicReference<Job> CURRENT = new AtomicReference<>();
    /** Held by the call that has the helpers. */
    private static final AtomicBoolean BUSY = new AtomicBoolean();
    private static final Helper[] HELPERS = startHelpers(THREADS - 1);
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
        return threadsFromProperty(System.getProperty(PROPERTY));
    }

    /** The thread count a value of {@value #PROPERTY} asks for (blank: the processor count), or a one-line error. */
    static int threadsFromProperty(String value) {
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
        throw new VectorBackendException("-D" + PROPERTY + " must be a whole number >= 1, got '" + value.trim() + "'");
    }

    /** Runs {@code body} for blocks 0..blocks−1, on up to {@link #threads()} threads, and returns when all are done. */
    public static void forEach(int blocks, IntConsumer body) {
        int helpers = Math.min(limit, blocks) - 1;
        if (helpers < 1 || INSIDE.get() || !BUSY.compareAndSet(false, true)) {
            for (int b = 0; b < blocks; b++) {
                body.accept(b);
            }
            return;
        }
        try {
            Job job = new Job(body, blocks, helpers);
            CURRENT.set(job);
            for (int h = 0; h < helpers; h++) {
                HELPERS[h].wake();
            }
            INSIDE.set(true);
            try {
                job.runBlocks();
            } finally {
                INSIDE.set(false);
            }
            job.awaitHelpers();
            job.release();
            job.rethrow();
        } finally {
            BUSY.set(false);
        }
    }

    private static Helper[] startHelpers(int count) {
        Helper[] helpers = new Helper[Math.max(0, count)];
        for (int h = 0; h < helpers.length; h++) {
            helpers[h] = new Helper(h);
            helpers[h].thread.start();
        }
        return helpers;
    }

    /** One call: its blocks, handed out in order, and the helpers that have yet to finish. */
    private static final class Job {
        /** Dropped once the call is done: the helpers keep the last job they saw, but not what its body holds. */
        private IntConsumer body;
        private final int blocks;
        /** Helpers 0..helpers−1 take part; the others skip this call. */
        private final int helpers;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger running;
        private final Thread caller = Thread.currentThread();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        Job(IntConsumer body, int blocks, int helpers) {
            this.body = body;
            this.blocks = blocks;
            this.helpers = helpers;
            this.running = new AtomicInteger(helpers);
        }

        /** Takes blocks until none is left; the first failure stops this thread and is kept for the caller. */
        void runBlocks() {
            try {
                for (int b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
                    body.accept(b);
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
                next.set(blocks); // the others stop taking blocks
            }
        }

        /** After every helper is done (so no thread reads the body again). */
        void release() {
            body = null;
        }

        void helperDone() {
            if (running.decrementAndGet() == 0) {
                LockSupport.unpark(caller);
            }
        }

        void awaitHelpers() {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            while (running.get() > 0) {
                if (System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
        }

        void rethrow() {
            Throwable t = failure.get();
            if (t instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (t instanceof Error error) {
                throw error;
            }
            if (t != null) {
                throw new IllegalStateException(t);
            }
        }
    }

    /** A kernel thread: waits for each new call, takes its blocks when it is one of the call's helpers. */
    private static final class Helper implements Runnable {
        private final int index;
        private final Thread thread;
        private volatile boolean parked;

        Helper(int index) {
            this.index = index;
            this.thread = new Thread(this, "damsel-kernel-" + (index + 1));
            thread.setDaemon(true);
        }

        void wake() {
            if (parked) {
                LockSupport.unpark(thread);
            }
        }

        @Override
        public void run() {
            INSIDE.set(true);
            Job seen = null;
            while (true) {
                Job job = awaitNext(seen);
                seen = job;
                if (index < job.helpers) {
                    job.runBlocks();
                    job.helperDone();
                }
            }
        }

        /** The first call after {@code seen}: spins for {@link #SPIN_NANOS}, then parks until woken. */
        private Job awaitNext(Job seen) {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            while (true) {
                Job job = CURRENT.get();
                if (job != seen && job != null) {
                    return job;
                }
                if (System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                    continue;
                }
                parked = true;
                job = CURRENT.get(); // re-read after announcing the park: a call published meanwhile is not missed
                if (job != seen && job != null) {
                    parked = false;
                    return job;
                }
                LockSupport.park(this);
                parked = false;
            }
        }
    }
}
