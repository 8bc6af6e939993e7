package io.skein.queue.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.skein.queue.JobInfo;
import io.skein.queue.JobState;
import io.skein.queue.RetryPolicy.Decision;
import io.skein.queue.RetryPolicy.Failure;

import java.time.Duration;

import org.junit.Test;

public class ExponentialBackoffPolicyTest {

    private final ExponentialBackoffPolicy policy = new ExponentialBackoffPolicy();

    private static Failure failure(int attempt) {
        JobInfo job = new JobInfo("j", "q", "t", JobState.ACTIVE, attempt, "", null, null, null, null);
        return new Failure(job, attempt, new IllegalStateException("broken"));
    }

    @Test
    public void waitsAreFullyJitteredBelowTheDoublingCeiling() {
        for (int attempt = 1; attempt <= 4; attempt++) {
            long ceiling = 1000L << (attempt - 1);
            for (int i = 0; i < 200; i++) {
                Decision decision = policy.decide(failure(attempt));
                Duration delay = ((Decision.Retry) decision).delay();
                assertTrue(delay + " within [0, " + ceiling + "] ms", delay.toMillis() >= 0
                        && delay.toMillis() <= ceiling);
            }
        }
    }

    @Test
    public void theLastAttemptIsDeadLetteredWithTheFailure() {
        Decision decision = policy.decide(failure(5));
        assertEquals(new Decision.DeadLetter("gave up after 5 attempt(s): IllegalStateException: broken"), decision);
    }

    @Test
    public void nameSaysTheSettings() {
        assertEquals("exponential-backoff(attempts=5, base=1s, max=600s)", policy.name());
    }
}
