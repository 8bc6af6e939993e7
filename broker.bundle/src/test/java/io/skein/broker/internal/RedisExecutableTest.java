package io.skein.broker.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

public class RedisExecutableTest {

    @Test
    public void picksTheShippedBinaryForEachSupportedMachine() throws Exception {
        assertEquals("redis-server-6.2.6-v5-linux-amd64", RedisExecutable.shippedName("Linux", "amd64"));
        assertEquals("redis-server-6.2.7-linux-arm64", RedisExecutable.shippedName("Linux", "aarch64"));
        assertEquals("redis-server-6.2.6-v5-darwin-arm64", RedisExecutable.shippedName("Mac OS X", "aarch64"));
        assertEquals("redis-server-6.2.6-v5-darwin-amd64", RedisExecutable.shippedName("Mac OS X", "x86_64"));
    }

    @Test
    public void otherMachinesAreToldWhatToInstall() {
        BrokerException error = assertThrows(BrokerException.class,
                () -> RedisExecutable.shippedName("Windows 11", "amd64"));
        assertEquals("Skein ships no redis-server for Windows 11/amd64; install Redis 6.2 or newer on the PATH, "
                + "or set executable in skein.broker", error.getMessage());
    }
}
