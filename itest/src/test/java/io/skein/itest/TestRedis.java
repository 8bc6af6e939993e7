package io.skein.itest;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The test's own look into a data directory's Redis (through its socket and password), for checks. */
final class TestRedis implements AutoCloseable {

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    private TestRedis(Path home) throws IOException {
        String secret = Files.readString(home.resolve("broker.secret")).trim();
        client = RedisClient.create();
        connection = client.connect(RedisURI.Builder.socket(home.resolve("redis.sock").toString())
                .withPassword(secret.toCharArray()).build());
    }

    static TestRedis open(Path home) throws IOException {
        return new TestRedis(home);
    }

    RedisCommands<String, String> sync() {
        return connection.sync();
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
