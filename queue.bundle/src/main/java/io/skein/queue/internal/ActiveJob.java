package io.skein.queue.internal;

import io.skein.queue.JobContext;

import java.time.Duration;

/** A job running on this host: what its handler sees, and what the worker needs to finish it. */
final class ActiveJob implements JobContext {

    private final String queue;
    private final Delivery delivery;
    private final Thread thread;
    private final Runnable renewNow;
    private final long started = System.nanoTime();
    private volatile boolean cancelled;
    private volatile boolean returned;

    ActiveJob(String queue, Delivery delivery, Thread thread, Runnable renewNow) {
        this.queue = queue;
        this.delivery = delivery;
        this.thread = thread;
        this.renewNow = renewNow;
    }

    @Override
    public String id() {
        return delivery.id();
    }

    @Override
    public String queue() {
        return queue;
    }

    @Override
    public String task() {
        return delivery.task();
    }

    @Override
    public int attempt() {
        return delivery.attempt();
    }

    @Override
    public String payload() {
        return delivery.payload();
    }

    @Override
    public void extendLease(Duration duration) {
        renewNow.run();
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    Delivery delivery() {
        return delivery;
    }

    long elapsedMillis() {
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** Asks the handler to stop: it sees {@link #isCancelled()} and its thread is interrupted. */
    void cancel() {
        if (!cancelled) {
            cancelled = true;
            thread.interrupt();
        }
    }

    /** The job went back to the stream while its handler still ran; its outcome no longer counts. */
    void markReturned() {
        returned = true;
        cancel();
    }

    boolean returned() {
        return returned;
    }

    @Override
    public String toString() {
        return "Job(id=" + delivery.id() + ", queue=" + queue + ", task=" + delivery.task() + ", attempt="
                + delivery.attempt() + ")";
    }
}
