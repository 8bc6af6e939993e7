package io.skein.broker.internal;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The one Lettuce client of a broker, and the connections made with it. Lettuce reconnects on its
 * own after the server restarts; since the embedded server keeps its socket and password, a
 * restarted or taken-over server is found again without new connections.
 */
final class Connections implements AutoCloseable {

    private final ClientResources resources;
    private final RedisClient client;
    private final Duration commandTimeout;
    private volatile RedisURI uri;
    private volatile StatefulRedisConnection<String, String> shared;

    Connections(Duration commandTimeout, Duration connectTimeout) {
        this.commandTimeout = commandTimeout;
        this.resources = DefaultClientResources.builder().ioThreadPoolSize(2).computationThreadPoolSize(2).build();
        this.client = RedisClient.create(resources);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).build())
                .build());
    }

    /**
     * Tries one connection to {@code candidate} and a PING.
     *
     * @return empty when the server answered, else what went wrong
     */
    Optional<String> problem(RedisURI candidate) {
        try (StatefulRedisConnection<String, String> connection = client.connect(candidate)) {
            connection.sync().ping();
            return Optional.empty();
        } catch (RedisException e) {
            return Optional.of(rootMessage(e));
        }
    }

    /** Makes {@code target} the server of every connection handed out from now on. */
    void use(RedisURI target) {
        if (target.equals(uri) && shared != null) {
            return;
        }
        StatefulRedisConnection<String, String> old = shared;
        uri = target;
        shared = client.connect(StringCodec.UTF8, target);
        if (old != null) {
            old.closeAsync();
        }
    }

    RedisURI uri() {
        return uri;
    }

    StatefulRedisConnection<String, String> shared() {
        StatefulRedisConnection<String, String> connection = shared;
        if (connection == null) {
            throw new IllegalStateException("The broker has no server yet");
        }
        return connection;
    }

    StatefulRedisConnection<String, String> openBlocking(Duration longestBlock) {
        if (longestBlock == null || longestBlock.isNegative() || longestBlock.isZero()) {
            throw new IllegalArgumentException("longestBlock must be positive, was " + longestBlock);
        }
        StatefulRedisConnection<String, String> connection = client.connect(StringCodec.UTF8, uri);
        connection.setTimeout(longestBlock.plus(commandTimeout));
        return connection;
    }

    <K, V> StatefulRedisConnection<K, V> open(RedisCodec<K, V> codec) {
        return client.connect(codec, uri);
    }

    StatefulRedisPubSubConnection<String, String> openPubSub() {
        return client.connectPubSub(StringCodec.UTF8, uri);
    }

    Duration commandTimeout() {
        return commandTimeout;
    }

    /** PINGs over the shared connection, giving up after {@code timeout}. */
    Optional<String> ping(Duration timeout) {
        try {
            shared().async().ping().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        } catch (java.util.concurrent.TimeoutException e) {
            return Optional.of("no answer within " + timeout.toMillis() + " ms");
        } catch (Exception e) {
            return Optional.of(rootMessage(e));
        }
    }

    /** One section of INFO as a map, e.g. {@code server} or {@code memory}. */
    Map<String, String> info(String section, Duration timeout) throws Exception {
        String text = shared().async().info(section).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Map<String, String> values = new HashMap<>();
        for (String line : text.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("#")) {
                values.put(line.substring(0, colon), line.substring(colon + 1).trim());
            }
        }
        return values;
    }

    static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }

    @Override
    public void close() {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
