package io.skein.queue;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a job is. The names are the ones BullMQ and Sidekiq use, plus {@link #PARKED}.
 *
 * <pre>
 *   enqueue ─▶ WAITING ─▶ ACTIVE ─▶ COMPLETED
 *   enqueue ─▶ DELAYED ─▶ WAITING         (due)
 *              ACTIVE  ─▶ DELAYED         (failed; the policy retries it)
 *              ACTIVE  ─▶ DEAD            (failed; the policy gives up, or the failure is permanent)
 *              ACTIVE  ─▶ WAITING         (returned unstarted at shutdown, or taken while the queue paused)
 *              ACTIVE  ─▶ PARKED          (no handler for its task on the worker that took it)
 *              PARKED  ─▶ WAITING         (a handler for its task registered)
 *              DEAD    ─▶ WAITING         (replayed)
 *   WAITING, DELAYED, PARKED ─▶ CANCELLED
 * </pre>
 *
 * A job whose worker died stays {@code ACTIVE} until its lease expires; a live worker then records
 * the loss as a failure, which the retry policy decides like any other ("stalled" is that event,
 * not a state). A paused queue's jobs keep their state and do not start.
 */
public enum JobState {
    WAITING,
    DELAYED,
    ACTIVE,
    PARKED,
    COMPLETED,
    DEAD,
    CANCELLED;

    /** The states a job can move to from this one. */
    public Set<JobState> next() {
        return switch (this) {
            case WAITING -> EnumSet.of(ACTIVE, CANCELLED);
            case DELAYED -> EnumSet.of(WAITING, CANCELLED);
            case ACTIVE -> EnumSet.of(COMPLETED, DELAYED, DEAD, WAITING, PARKED);
            case PARKED -> EnumSet.of(WAITING, CANCELLED);
            case DEAD -> EnumSet.of(WAITING);
            case COMPLETED, CANCELLED -> EnumSet.noneOf(JobState.class);
        };
    }

    /** Whether a job may move from this state to {@code target}. */
    public boolean canMoveTo(JobState target) {
        return next().contains(target);
    }
}
