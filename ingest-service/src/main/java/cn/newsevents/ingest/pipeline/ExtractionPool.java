package cn.newsevents.ingest.pipeline;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs extractions on a fixed number of daemon threads, each with a deadline counted from the moment a thread
 * takes it up (time spent queued does not count). An extraction past its deadline is given up on: its thread is
 * interrupted and, since an extractor need not heed that, the pool gets one more thread until the abandoned
 * extraction has returned, so the next articles never wait for it.
 */
final class ExtractionPool implements AutoCloseable {
    private final int threads;
    private final Duration deadline;
    private final ThreadPoolExecutor executor;
    /** Extractions given up on that still occupy a thread; guarded by {@link #executor}. */
    private int abandoned;

    ExtractionPool(int threads, Duration deadline) {
        this.threads = threads;
        this.deadline = deadline;
        this.executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                new ThreadFactory() {
                    private final AtomicInteger n = new AtomicInteger();

                    @Override
                    public Thread newThread(Runnable r) {
                        Thread t = new Thread(r, "article-extractor-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    }
                });
    }

    /** Queues {@code work}; its result is had with {@link #await}. */
    <T> Pending<T> submit(Callable<T> work) {
        Pending<T> pending = new Pending<>(work);
        pending.future = executor.submit(pending);
        return pending;
    }

    /**
     * The result of {@code pending}, waiting at most until its deadline.
     *
     * @throws DeadlineExceeded when the work ran past its deadline (it is then given up on)
     * @throws IllegalStateException when the work threw, which work given to this pool must not do
     */
    <T> T await(Pending<T> pending) throws InterruptedException {
        long limit = deadline.toNanos();
        while (true) {
            long started = pending.started;
            long wait = started == 0 ? limit : started + limit - System.nanoTime();
            try {
                if (wait > 0) {
                    return pending.future.get(wait, TimeUnit.NANOSECONDS);
                }
                if (pending.future.isDone()) {
                    return pending.future.get();
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException("The extraction of a record failed unexpectedly.", e.getCause());
            } catch (TimeoutException e) {
                continue;
            }
            if (started == 0) {
                continue;
            }
            abandon(pending);
            throw new DeadlineExceeded("The extraction of the record ran longer than the deadline of " + deadline
                    + " (ingest.processor.article-deadline) and was given up on.");
        }
    }

    /** Drops {@code pending} if no thread has taken it up yet: its batch will be read again. */
    void cancel(Pending<?> pending) {
        pending.future.cancel(false);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private void abandon(Pending<?> pending) {
        synchronized (executor) {
            if (pending.finished) {
                return;
            }
            pending.abandoned = true;
            abandoned++;
            resize();
        }
        pending.future.cancel(true);
    }

    private void resize() {
        int size = threads + abandoned;
        // The core size may not exceed the maximum at any moment: grow the maximum first, shrink it last.
        if (size > executor.getMaximumPoolSize()) {
            executor.setMaximumPoolSize(size);
            executor.setCorePoolSize(size);
        } else {
            executor.setCorePoolSize(size);
            executor.setMaximumPoolSize(size);
        }
    }

    /** One piece of work: knows when a thread took it up, and whether it was given up on. */
    final class Pending<T> implements Callable<T> {
        private final Callable<T> work;
        private volatile long started;
        private Future<T> future;
        /** Guarded by {@link #executor}. */
        private boolean abandoned;
        /** Guarded by {@link #executor}. */
        private boolean finished;

        private Pending(Callable<T> work) {
            this.work = work;
        }

        /** Whether the result is there (or the work was cancelled): waiting for it would not block. */
        boolean done() {
            return future.isDone();
        }

        @Override
        public T call() throws Exception {
            started = System.nanoTime();
            try {
                return work.call();
            } finally {
                synchronized (executor) {
                    finished = true;
                    if (abandoned) {
                        ExtractionPool.this.abandoned--;
                        resize();
                    }
                }
            }
        }
    }
}
