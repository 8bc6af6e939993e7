package io.skein.queue;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Enqueues jobs and shows what the queues hold. Every method talks to the broker; each throws
 * {@link QueueException} when the broker cannot be reached or a name is not valid.
 *
 * <p>Queue and task names are 1 to 64 characters of letters, digits, {@code .}, {@code _} and
 * {@code -}.
 */
@ProviderType
public interface QueueService {

    /**
     * Adds a job. With a {@linkplain EnqueueOptions#uniqueKey() unique key} that a waiting, delayed,
     * parked or running job of the same queue already holds, nothing is added and that job's id
     * is returned.
     *
     * @param queue the queue
     * @param task the task name; the {@link TaskHandler} registered under it runs the job
     * @param payload the job's data, passed to the handler as is (at most 1 MB)
     * @param options unique key and delay
     * @return the job's id (an existing job's id when the unique key is taken)
     */
    String enqueue(String queue, String task, String payload, EnqueueOptions options);

    /** Adds a job that runs as soon as a worker is free. */
    default String enqueue(String queue, String task, String payload) {
        return enqueue(queue, task, payload, EnqueueOptions.NONE);
    }

    /**
     * Adds many jobs in one round trip to the broker. Options apply to each job.
     *
     * @return the ids, in the order of {@code payloads}
     */
    List<String> enqueueAll(String queue, String task, List<String> payloads, EnqueueOptions options);

    /**
     * Cancels the job holding {@code uniqueKey}. A waiting, delayed or parked job is removed; a
     * running job is asked to stop through {@link JobContext#isCancelled()} and is not retried.
     *
     * @return whether a job held the key
     */
    boolean cancel(String queue, String uniqueKey);

    /** Counts of every state, and the age of the oldest waiting job. */
    QueueStats stats(String queue);

    /** The queues that have ever held a job, sorted by name. */
    List<String> queues();

    /**
     * Jobs in one state, oldest first (dead and completed: newest first).
     *
     * @param limit at most this many
     */
    List<JobInfo> jobs(String queue, JobState state, int limit);

    /** One job, if it is still known (completed jobs are forgotten after a while). */
    Optional<JobInfo> job(String queue, String jobId);

    /**
     * Sends a dead job back to the queue with a fresh count of attempts. Replaying the same job
     * twice runs it once: the second call finds it no longer dead.
     *
     * @return whether the job was dead and is now waiting
     */
    boolean replay(String queue, String jobId);

    /** Replays every dead job of the queue; returns how many. */
    int replayAll(String queue);

    /**
     * Pauses a queue on every host: no job of it starts and none fails; running jobs finish.
     */
    void pause(String queue);

    /** Resumes a paused queue; its jobs run again. */
    void resume(String queue);

    /** Whether the queue is paused. */
    boolean isPaused(String queue);

    /** The name of the retry policy in force on this host (the highest-ranked one). */
    String retryPolicy();
}
