package io.skein.queue;

import java.time.Instant;

/**
 * What is known of a job.
 *
 * @param id the job's id
 * @param queue its queue
 * @param task its task name
 * @param state where it is
 * @param attempt the attempt it is on (1 for the first run)
 * @param payload its data
 * @param uniqueKey its unique key, or {@code null}
 * @param enqueuedAt when it was first enqueued
 * @param dueAt when a delayed job becomes due, or when a dead, completed or cancelled job ended;
 *        {@code null} otherwise
 * @param failure the last failure, or {@code null}
 */
public record JobInfo(
        String id,
        String queue,
        String task,
        JobState state,
        int attempt,
        String payload,
        String uniqueKey,
        Instant enqueuedAt,
        Instant dueAt,
        String failure) {
}
