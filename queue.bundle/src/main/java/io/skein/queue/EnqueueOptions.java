package io.skein.queue;

import java.time.Duration;
import java.util.Objects;

/**
 * How to enqueue a job.
 *
 * @param uniqueKey while a job with this key exists (waiting, delayed, parked or running), enqueueing
 *        another with the same key returns the existing one; {@code null} for none
 * @param delay how long to wait before the job may run; {@link Duration#ZERO} for none
 */
public record EnqueueOptions(String uniqueKey, Duration delay) {

    /** No unique key, no delay. */
    public static final EnqueueOptions NONE = new EnqueueOptions(null, Duration.ZERO);

    /** Validates the values. */
    public EnqueueOptions {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        if (uniqueKey != null && (uniqueKey.isEmpty() || uniqueKey.length() > 512)) {
            throw new IllegalArgumentException("uniqueKey must have 1 to 512 characters");
        }
    }

    /** Options with only a unique key. */
    public static EnqueueOptions unique(String key) {
        return new EnqueueOptions(key, Duration.ZERO);
    }

    /** Options with only a delay. */
    public static EnqueueOptions delayed(Duration delay) {
        return new EnqueueOptions(null, delay);
    }

    /** These options with a delay. */
    public EnqueueOptions withDelay(Duration value) {
        return new EnqueueOptions(uniqueKey, value);
    }
}
