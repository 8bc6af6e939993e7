package io.skein.broker.internal;

import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.skein.broker.BrokerInfo;
import io.skein.broker.BrokerService;

import java.time.Duration;

/** The registered service: a thin face over the backend that is up. */
final class BrokerServiceImpl implements BrokerService {

    private final Backend backend;

    BrokerServiceImpl(Backend backend) {
        this.backend = backend;
    }

    @Override
    public StatefulRedisConnection<String, String> commands() {
        return backend.connections().shared();
    }

    @Override
    public StatefulRedisConnection<String, String> openBlocking(Duration longestBlock) {
        return backend.connections().openBlocking(longestBlock);
    }

    @Override
    public <K, V> StatefulRedisConnection<K, V> open(RedisCodec<K, V> codec) {
        return backend.connections().open(codec);
    }

    @Override
    public StatefulRedisPubSubConnection<String, String> openPubSub() {
        return backend.connections().openPubSub();
    }

    @Override
    public Duration commandTimeout() {
        return backend.connections().commandTimeout();
    }

    @Override
    public BrokerInfo info() {
        return backend.info();
    }
}
