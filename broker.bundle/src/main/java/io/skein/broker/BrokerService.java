package io.skein.broker;

import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;

import java.time.Duration;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The broker: the single Redis server behind a Skein data directory (embedded) or a configured
 * Redis (external), and the only source of connections to it.
 *
 * <p>The service is registered only while the broker can be reached for the first time; dependents
 * with a mandatory reference therefore stay unsatisfied while the broker is misconfigured or down.
 * Once registered it stays registered through short outages: Lettuce reconnects on its own and
 * {@link #info()} reports the health.
 *
 * <p>Connections opened through this service belong to the caller, who must close them; the
 * {@linkplain #commands() shared connection} belongs to the broker. When the service goes away
 * (the broker bundle is stopped or updated) every connection it handed out is closed.
 */
@ProviderType
public interface BrokerService {

    /**
     * The shared, thread-safe connection for ordinary (non-blocking) commands. Lettuce multiplexes
     * concurrent callers over it. Do not close it, and never issue a blocking command on it.
     *
     * @return the shared connection, using UTF-8 strings for keys and values
     */
    StatefulRedisConnection<String, String> commands();

    /**
     * Opens a dedicated connection for blocking reads ({@code XREADGROUP BLOCK}, {@code BLPOP}, ...).
     * Its command timeout is {@code longestBlock} plus the broker's {@linkplain #commandTimeout()
     * command timeout}, so a blocking command that asks the server to wait at most
     * {@code longestBlock} always ends on the server before the client gives up on it.
     *
     * @param longestBlock the longest server-side block the caller will request; positive
     * @return a new connection that the caller must close
     * @throws IllegalArgumentException if {@code longestBlock} is not positive
     */
    StatefulRedisConnection<String, String> openBlocking(Duration longestBlock);

    /**
     * Opens a dedicated connection with a codec of the caller's choice (bytes, say).
     *
     * @param codec the codec for keys and values
     * @param <K> the key type
     * @param <V> the value type
     * @return a new connection that the caller must close
     */
    <K, V> StatefulRedisConnection<K, V> open(RedisCodec<K, V> codec);

    /**
     * Opens a dedicated publish/subscribe connection.
     *
     * @return a new connection that the caller must close
     */
    StatefulRedisPubSubConnection<String, String> openPubSub();

    /**
     * The timeout applied to ordinary commands on connections from this service.
     *
     * @return a positive duration
     */
    Duration commandTimeout();

    /**
     * Describes the broker as it is now: mode, ownership, server, data directory and health.
     * Cheap to call; it does not talk to the server.
     *
     * @return a snapshot, never {@code null}
     */
    BrokerInfo info();
}
