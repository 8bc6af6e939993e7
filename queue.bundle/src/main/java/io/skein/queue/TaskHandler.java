package io.skein.queue;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Runs the jobs of one task. Register it as a service with the property {@value #TASK} (the task
 * name) and, optionally, {@value #QUEUE} (the queue whose workers should run on this host for it;
 * {@code default} when absent).
 *
 * <p>Delivery is at least once, so {@link #handle} must be idempotent: running it twice for one
 * job must leave the same result as running it once. Returning normally completes the job;
 * throwing fails it, and the {@link RetryPolicy} decides; throwing {@link PermanentFailure}
 * dead-letters it at once.
 */
@ConsumerType
public interface TaskHandler {

    /** Service property: the task name this handler runs. */
    String TASK = "skein.task";

    /** Service property: the queue whose workers this handler needs. */
    String QUEUE = "skein.queue";

    /**
     * Runs one job.
     *
     * @param job the job, with ways to extend its lease and to see whether it was cancelled
     * @throws Exception when the job failed
     */
    void handle(JobContext job) throws Exception;
}
