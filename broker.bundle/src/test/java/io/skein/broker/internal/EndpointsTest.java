package io.skein.broker.internal;

import static org.junit.Assert.assertEquals;

import io.lettuce.core.RedisURI;

import org.junit.Test;

public class EndpointsTest {

    @Test
    public void masksThePasswordAndKeepsTheUser() {
        assertEquals("redis://default:***@host:6379/0", Endpoints.mask("redis://default:pw@host:6379/0"));
    }

    @Test
    public void masksAPasswordGivenWithoutUser() {
        assertEquals("rediss://***@host:6380", Endpoints.mask("rediss://pw@host:6380"));
    }

    @Test
    public void leavesUrisWithoutUserInfoAlone() {
        assertEquals("redis://host:6379", Endpoints.mask("redis://host:6379"));
    }

    @Test
    public void describesSocketsTcpAndSentinelsWithoutSecrets() {
        assertEquals("unix:/data/redis.sock",
                Endpoints.describe(RedisURI.Builder.socket("/data/redis.sock").withPassword("pw".toCharArray())
                        .build()));
        assertEquals("redis://h:1/3", Endpoints.describe(RedisURI.create("redis://u:pw@h:1/3")));
        assertEquals("sentinel:a:26379,b:26380 master m",
                Endpoints.describe(RedisURI.create("redis-sentinel://:pw@a:26379,b:26380/0#m")));
    }
}
