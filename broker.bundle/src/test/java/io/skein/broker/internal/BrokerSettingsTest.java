package io.skein.broker.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.skein.broker.BrokerInfo.Mode;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.Test;

public class BrokerSettingsTest {

    private final Map<String, String> values = new HashMap<>();
    private final Map<String, String> env = new HashMap<>(Map.of("HOME", "/home/ann"));

    private BrokerSettings settings() throws BrokerException {
        return BrokerSettings.from(config(), env::get);
    }

    private String error() {
        return assertThrows(BrokerException.class, this::settings).getMessage();
    }

    @Test
    public void defaultsAreEmbeddedUnderTheXdgDataFolderOfHome() throws Exception {
        BrokerSettings settings = settings();

        assertEquals(Mode.EMBEDDED, settings.mode());
        assertEquals(Path.of("/home/ann/.local/share/skein"), settings.dataDirectory());
        assertEquals(Duration.ofSeconds(10), settings.commandTimeout());
        assertNull(settings.uri());
    }

    @Test
    public void dataDirectoryComesFromConfigurationThenSkeinHomeThenXdgDataHome() throws Exception {
        env.put("XDG_DATA_HOME", "/xdg");
        assertEquals(Path.of("/xdg/skein"), settings().dataDirectory());
        env.put("SKEIN_HOME", "/skein-home");
        assertEquals(Path.of("/skein-home"), settings().dataDirectory());
        values.put("data.dir", "/configured");
        assertEquals(Path.of("/configured"), settings().dataDirectory());
    }

    @Test
    public void frameworkPropertyOfTheLauncherWinsOverTheEnvironment() {
        var environment = BrokerSettings.environment(Map.of("SKEIN_HOME", "/from-env"),
                name -> name.equals("skein.home") ? "/from-launcher" : null);
        assertEquals("/from-launcher", environment.apply("SKEIN_HOME"));
    }

    @Test
    public void nonNumericTimeoutIsAConfigurationErrorNamingPidPropertyAndValue() {
        values.put("command.timeout", "abc");
        assertEquals("Configuration skein.broker: command.timeout \"abc\" is not a number of seconds", error());
    }

    @Test
    public void zeroOrNegativeTimeoutIsRejected() {
        values.put("connect.timeout", "0");
        assertEquals("Configuration skein.broker: connect.timeout \"0\" must be more than 0 and at most 86400 "
                + "seconds", error());
    }

    @Test
    public void fractionalSecondsAreAccepted() throws Exception {
        values.put("command.timeout", "0.25");
        assertEquals(Duration.ofMillis(250), settings().commandTimeout());
    }

    @Test
    public void unknownModeIsRejected() {
        values.put("mode", "cluster");
        assertEquals("Configuration skein.broker: mode \"cluster\" is neither \"embedded\" nor \"external\"", error());
    }

    @Test
    public void externalModeNeedsAUri() {
        values.put("mode", "external");
        assertEquals("Configuration skein.broker: uri \"\" is required when mode is \"external\"", error());
    }

    @Test
    public void externalUriKeepsTlsAndSentinel() throws Exception {
        values.put("mode", "External");
        values.put("uri", "rediss://default:pw@redis.example:6380/2");
        assertTrue(settings().uri().isSsl());
        values.put("uri", "redis-sentinel://sentinel-a:26379,sentinel-b:26379/0#primary");
        assertEquals("primary", settings().uri().getSentinelMasterId());
        assertFalse(settings().uri().getSentinels().isEmpty());
    }

    @Test
    public void badUriIsReportedWithoutItsPassword() {
        values.put("mode", "external");
        values.put("uri", "http://user:topsecret@host:6379");
        String error = error();
        assertTrue(error, error.startsWith(
                "Configuration skein.broker: uri \"http://user:***@host:6379\" is not a Redis URI"));
        assertFalse(error, error.contains("topsecret"));
    }

    @Test
    public void appendfsyncIsEverysecOrAlways() throws Exception {
        assertEquals("everysec", settings().appendfsync());
        values.put("appendfsync", "sometimes");
        assertEquals("Configuration skein.broker: appendfsync \"sometimes\" is neither \"everysec\" nor \"always\"",
                error());
    }

    @Test
    public void configurationErrorsAreNotRetried() {
        values.put("command.timeout", "x");
        assertTrue(assertThrows(BrokerException.class, this::settings).isConfiguration());
    }

    private BrokerConfig config() {
        return new BrokerConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return BrokerConfig.class;
            }

            @Override
            public String mode() {
                return values.getOrDefault("mode", "embedded");
            }

            @Override
            public String data_dir() {
                return values.getOrDefault("data.dir", "");
            }

            @Override
            public String uri() {
                return values.getOrDefault("uri", "");
            }

            @Override
            public String executable() {
                return values.getOrDefault("executable", "");
            }

            @Override
            public String appendfsync() {
                return values.getOrDefault("appendfsync", "everysec");
            }

            @Override
            public String command_timeout() {
                return values.getOrDefault("command.timeout", "10");
            }

            @Override
            public String connect_timeout() {
                return values.getOrDefault("connect.timeout", "5");
            }

            @Override
            public String startup_timeout() {
                return values.getOrDefault("startup.timeout", "30");
            }
        };
    }
}
