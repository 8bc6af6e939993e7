package io.skein.broker.internal;

import io.lettuce.core.RedisURI;
import io.skein.broker.BrokerInfo.Mode;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The broker's configuration after checking: every value present, typed and in range. Each
 * problem is reported in the operator's terms, naming the PID and the property.
 *
 * @param mode embedded or external
 * @param dataDirectory the resolved data directory
 * @param uri the external server, or {@code null} in embedded mode
 * @param executable a configured redis-server, or {@code null} to search for one
 * @param commandTimeout timeout of ordinary commands
 * @param connectTimeout timeout of a connection attempt
 * @param startupTimeout how long to wait for an embedded server to answer after start
 * @param appendfsync the embedded server's {@code appendfsync}: {@code everysec} or {@code always}
 */
record BrokerSettings(
        Mode mode,
        Path dataDirectory,
        RedisURI uri,
        Path executable,
        Duration commandTimeout,
        Duration connectTimeout,
        Duration startupTimeout,
        String appendfsync) {

    /**
     * Checks the configuration.
     *
     * @param config the component configuration
     * @param environment environment variables and framework properties ({@code SKEIN_HOME},
     *        {@code XDG_DATA_HOME}, {@code HOME}, {@code skein.home})
     */
    static BrokerSettings from(BrokerConfig config, Function<String, String> environment) throws BrokerException {
        Mode mode = mode(config.mode());
        Duration commandTimeout = seconds("command.timeout", config.command_timeout());
        Duration connectTimeout = seconds("connect.timeout", config.connect_timeout());
        Duration startupTimeout = seconds("startup.timeout", config.startup_timeout());
        Path dataDirectory = dataDirectory(config.data_dir(), environment);
        RedisURI uri = mode == Mode.EXTERNAL ? uri(config.uri(), commandTimeout) : null;
        Path executable = blank(config.executable()) ? null : path("executable", config.executable());
        String appendfsync = config.appendfsync().trim();
        if (!appendfsync.equals("everysec") && !appendfsync.equals("always")) {
            throw invalid("appendfsync", config.appendfsync(), "is neither \"everysec\" nor \"always\"");
        }
        return new BrokerSettings(mode, dataDirectory, uri, executable, commandTimeout, connectTimeout,
                startupTimeout, appendfsync);
    }

    private static Mode mode(String value) throws BrokerException {
        try {
            return Mode.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("mode", value, "is neither \"embedded\" nor \"external\"");
        }
    }

    private static Duration seconds(String property, String value) throws BrokerException {
        double seconds;
        try {
            seconds = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw invalid(property, value, "is not a number of seconds");
        }
        if (!(seconds > 0) || seconds > 86_400) {
            throw invalid(property, value, "must be more than 0 and at most 86400 seconds");
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    private static RedisURI uri(String value, Duration commandTimeout) throws BrokerException {
        if (blank(value)) {
            throw invalid("uri", value, "is required when mode is \"external\"");
        }
        try {
            RedisURI uri = RedisURI.create(value.trim());
            uri.setTimeout(commandTimeout);
            return uri;
        } catch (RuntimeException e) {
            throw invalid("uri", Endpoints.mask(value), "is not a Redis URI (" + e.getMessage() + ")");
        }
    }

    private static Path dataDirectory(String configured, Function<String, String> environment)
            throws BrokerException {
        if (!blank(configured)) {
            return path("data.dir", configured);
        }
        String skeinHome = environment.apply("SKEIN_HOME");
        if (!blank(skeinHome)) {
            return path("SKEIN_HOME", skeinHome);
        }
        String xdg = environment.apply("XDG_DATA_HOME");
        if (!blank(xdg)) {
            return path("XDG_DATA_HOME", xdg).resolve("skein");
        }
        String home = environment.apply("HOME");
        if (blank(home)) {
            throw BrokerException.configuration(
                    "no data directory: set data.dir, or SKEIN_HOME, XDG_DATA_HOME or HOME in the environment");
        }
        return path("HOME", home).resolve(".local/share/skein");
    }

    private static Path path(String property, String value) throws BrokerException {
        try {
            return Path.of(value.trim()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw invalid(property, value, "is not a valid path");
        }
    }

    private static BrokerException invalid(String property, String value, String problem) {
        return BrokerException.configuration(property + " \"" + value
                + "\" " + problem);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** Reads a value the way the launcher passes it: framework property first, then environment. */
    static Function<String, String> environment(Map<String, String> env, Function<String, String> framework) {
        return name -> {
            String fromFramework = "SKEIN_HOME".equals(name) ? framework.apply("skein.home") : null;
            return fromFramework != null ? fromFramework : env.get(name);
        };
    }
}
