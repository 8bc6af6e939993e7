package io.skein.queue.internal;

import io.skein.queue.RetryPolicy;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Retries with exponential backoff and full jitter: attempt n waits a random time between 0 and
 * {@code min(max, base * 2^(n-1))}, so that many jobs that failed together do not retry together;
 * after {@code attempts} attempts the job is dead-lettered. Configuration {@code skein.retry.backoff},
 * applied at the next failure.
 */
@Component(service = RetryPolicy.class, configurationPid = ExponentialBackoffPolicy.PID,
        property = "service.ranking:Integer=0")
@Designate(ocd = ExponentialBackoffPolicy.Config.class)
public final class ExponentialBackoffPolicy implements RetryPolicy {

    static final String PID = "skein.retry.backoff";

    /** Configuration of the policy. */
    @ObjectClassDefinition(name = "Skein retry: exponential backoff")
    @interface Config {

        @AttributeDefinition(description = "Attempts in all, the first included; then the job is dead-lettered.")
        int attempts() default 5;

        @AttributeDefinition(description = "Seconds: the upper bound of the first retry's wait.")
        double base() default 1;

        @AttributeDefinition(description = "Seconds: no wait is longer.")
        double max() default 600;
    }

    private volatile int attempts = 5;
    private volatile Duration base = Duration.ofSeconds(1);
    private volatile Duration max = Duration.ofMinutes(10);

    /** The defaults, for the queue's own use when no policy service is present. */
    public ExponentialBackoffPolicy() {
    }

    @Activate
    @Modified
    void configure(Config config) {
        if (config.attempts() < 1 || config.base() < 0 || config.max() < config.base()) {
            throw new IllegalArgumentException("Configuration " + PID + ": need attempts >= 1 and 0 <= base <= max");
        }
        attempts = config.attempts();
        base = Duration.ofMillis(Math.round(config.base() * 1000));
        max = Duration.ofMillis(Math.round(config.max() * 1000));
    }

    @Override
    public String name() {
        return "exponential-backoff(attempts=" + attempts + ", base=" + seconds(base) + ", max=" + seconds(max) + ")";
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }

    @Override
    public Decision decide(Failure failure) {
        if (failure.attempt() >= attempts) {
            return Decision.deadLetter("gave up after " + failure.attempt() + " attempt(s): "
                    + Failures.message(failure.error()));
        }
        double ceiling = Math.min(max.toMillis(), base.toMillis() * Math.pow(2, failure.attempt() - 1));
        return Decision.retryAfter(Duration.ofMillis((long) (ThreadLocalRandom.current().nextDouble() * ceiling)));
    }
}
