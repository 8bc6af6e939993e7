package io.skein.queue;

import java.time.Duration;
import java.util.Objects;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Decides what happens to a job that failed: retry it after a delay, or dead-letter it. The policy
 * in force is the highest-ranked {@code RetryPolicy} service (by {@code service.ranking}, then the
 * lowest service id); registering, removing or re-ranking one takes effect at the next failure.
 *
 * <p>Failures that must never be retried (a {@link PermanentFailure}, a payload that cannot be
 * read) do not reach the policy.
 */
@ConsumerType
public interface RetryPolicy {

    /** A short name for operators, e.g. {@code exponential-backoff(attempts=5, base=1s, max=10m)}. */
    String name();

    /**
     * Decides for one failed attempt.
     *
     * @param failure the job and what went wrong
     * @return retry after a delay, or dead-letter with a reason
     */
    Decision decide(Failure failure);

    /**
     * A failed attempt.
     *
     * @param job the job as it was when it failed
     * @param attempt the attempt that failed (1 for the first)
     * @param error what went wrong: the handler's exception, or a {@link LostJob} when the worker died
     */
    record Failure(JobInfo job, int attempt, Throwable error) {
    }

    /** The failure recorded for a job whose worker stopped renewing its lease (it died, or hung). */
    final class LostJob extends Exception {

        private static final long serialVersionUID = 1L;

        public LostJob(String message) {
            super(message);
        }
    }

    /** What to do with a failed job. */
    sealed interface Decision {

        /** Run the job again after {@code delay}. */
        record Retry(Duration delay) implements Decision {
            public Retry {
                Objects.requireNonNull(delay, "delay");
                if (delay.isNegative()) {
                    throw new IllegalArgumentException("delay must not be negative");
                }
            }
        }

        /** Give up on the job and keep it as a dead letter, with {@code reason}. */
        record DeadLetter(String reason) implements Decision {
            public DeadLetter {
                Objects.requireNonNull(reason, "reason");
            }
        }

        static Decision retryAfter(Duration delay) {
            return new Retry(delay);
        }

        static Decision deadLetter(String reason) {
            return new DeadLetter(reason);
        }
    }
}
