package io.skein.broker.internal;

import io.skein.broker.BrokerInfo.Health;

import java.time.Instant;
import java.util.Optional;

/** Remembers the outcome of the last health check and the last error, for {@code broker:info}. */
final class HealthMonitor {

    private volatile Health health = new Health(false, Instant.now(), null, null);

    /** Records a check; returns {@code true} when reachability changed. */
    boolean record(Optional<String> problem) {
        Health before = health;
        Instant now = Instant.now();
        health = problem
                .map(error -> new Health(false, now, error, now))
                .orElseGet(() -> new Health(true, now, before.lastError(), before.lastErrorAt()));
        return before.reachable() != health.reachable();
    }

    /** Records an error that did not come from a check (a failed restart, say). */
    void error(String message) {
        Instant now = Instant.now();
        health = new Health(health.reachable(), health.checkedAt(), message, now);
    }

    Health snapshot() {
        return health;
    }
}
