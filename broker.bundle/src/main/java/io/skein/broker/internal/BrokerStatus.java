package io.skein.broker.internal;

import io.skein.broker.BrokerInfo;

import java.time.Instant;
import java.util.Optional;

/**
 * What the broker is doing, also while it has no server: this is what {@code broker:info} shows
 * when the {@code BrokerService} is not registered. Registered inside the bundle with the service
 * property {@value #STATE}, which the launcher watches to know when the broker has settled.
 */
final class BrokerStatus {

    static final String STATE = "skein.broker.state";

    /** Where the broker is in its life. */
    enum State {
        STARTING, READY, FAILED, STOPPED;

        String property() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private volatile State state = State.STARTING;
    private volatile String error;
    private volatile Instant nextAttempt;
    private volatile BrokerSettings settings;
    private volatile Backend backend;

    void settings(BrokerSettings value) {
        settings = value;
    }

    void ready(Backend value) {
        backend = value;
        error = null;
        nextAttempt = null;
        state = State.READY;
    }

    void failed(String message, Instant retryAt) {
        backend = null;
        error = message;
        nextAttempt = retryAt;
        state = State.FAILED;
    }

    void stopped() {
        backend = null;
        state = State.STOPPED;
    }

    State state() {
        return state;
    }

    Optional<String> error() {
        return Optional.ofNullable(error);
    }

    Optional<Instant> nextAttempt() {
        return Optional.ofNullable(nextAttempt);
    }

    Optional<BrokerSettings> settings() {
        return Optional.ofNullable(settings);
    }

    Optional<BrokerInfo> info() {
        Backend current = backend;
        return current == null ? Optional.empty() : Optional.of(current.info());
    }

    Optional<Connections> connections() {
        Backend current = backend;
        return current == null ? Optional.empty() : Optional.ofNullable(current.connections());
    }
}
