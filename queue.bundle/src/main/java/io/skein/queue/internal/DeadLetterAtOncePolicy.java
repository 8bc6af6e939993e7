package io.skein.queue.internal;

import io.skein.queue.RetryPolicy;

import org.osgi.service.component.annotations.Component;

/**
 * Never retries: every failure is dead-lettered at once, to be looked at and replayed by hand.
 * Ranked below the backoff policy; raise its {@code service.ranking} in configuration
 * {@code skein.retry.none} to put it in force.
 */
@Component(service = RetryPolicy.class, configurationPid = "skein.retry.none",
        property = "service.ranking:Integer=-100")
public final class DeadLetterAtOncePolicy implements RetryPolicy {

    @Override
    public String name() {
        return "dead-letter-at-once";
    }

    @Override
    public Decision decide(Failure failure) {
        return Decision.deadLetter("no retries (dead-letter-at-once policy): " + Failures.message(failure.error()));
    }
}
