package io.skein.queue;

import java.time.Duration;

import org.osgi.annotation.versioning.ProviderType;

/** A job as its handler sees it while it runs. */
@ProviderType
public interface JobContext {

    String id();

    String queue();

    String task();

    /** The attempt this run is: 1 for the first. */
    int attempt();

    String payload();

    /**
     * Keeps the job for at least {@code duration} more before other workers may take it as lost.
     * The worker already renews the lease while the handler runs; call this before a single step
     * that may block longer than the queue's lease.
     */
    void extendLease(Duration duration);

    /**
     * Whether the job was cancelled or the host is shutting down; a long handler should check it
     * and return (or throw) early. The handler's thread is also interrupted.
     */
    boolean isCancelled();
}
