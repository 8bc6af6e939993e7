package io.skein.queue;

import java.time.Duration;

/**
 * Counts of a queue's jobs by state.
 *
 * @param queue the queue
 * @param waiting ready to run
 * @param active running (or held by a worker that died, until its lease expires)
 * @param delayed waiting for their time (retries and delayed enqueues)
 * @param parked waiting for a handler of their task
 * @param dead failed for good
 * @param completed completed since the queue was created
 * @param oldestWaiting how long the oldest waiting job has waited, {@link Duration#ZERO} when none
 * @param paused whether the queue is paused
 */
public record QueueStats(
        String queue,
        long waiting,
        long active,
        long delayed,
        long parked,
        long dead,
        long completed,
        Duration oldestWaiting,
        boolean paused) {
}
