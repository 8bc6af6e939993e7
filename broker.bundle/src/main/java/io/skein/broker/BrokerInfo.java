package io.skein.broker;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of the broker's state.
 *
 * @param mode whether Skein runs the Redis server itself or uses a configured one
 * @param owner {@code true} when this host started or adopted the server and will stop it on exit;
 *        always {@code false} in external mode
 * @param endpoint how the server is reached, with any password masked ({@code unix:/...},
 *        {@code redis://***@host:port})
 * @param serverPid the server's process id, or {@code -1} when it is not known (external servers)
 * @param serverVersion the server's version as it reports it, e.g. {@code 6.2.6}
 * @param dataDirectory the data directory of this host (the embedded server's files live there)
 * @param health whether the server answered the last check, and the last error seen
 */
public record BrokerInfo(
        Mode mode,
        boolean owner,
        String endpoint,
        long serverPid,
        String serverVersion,
        Path dataDirectory,
        Health health) {

    /** Whether Skein runs the server ({@code EMBEDDED}) or connects to a configured one. */
    public enum Mode {
        /** One {@code redis-server} per data directory, started and stopped by Skein. */
        EMBEDDED,
        /** A Redis (or Sentinel-managed) server configured by URI; Skein never starts or stops it. */
        EXTERNAL
    }

    /**
     * The outcome of the broker's last health check.
     *
     * @param reachable whether the server answered the last check
     * @param checkedAt when that check ran
     * @param lastError the last error seen, if any, even if the server has answered since
     * @param lastErrorAt when the last error was seen
     */
    public record Health(boolean reachable, Instant checkedAt, String lastError, Instant lastErrorAt) {

        /** @return the last error seen, if any */
        public Optional<String> error() {
            return Optional.ofNullable(lastError);
        }
    }

    /** Validates the required components. */
    public BrokerInfo {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(health, "health");
    }
}
