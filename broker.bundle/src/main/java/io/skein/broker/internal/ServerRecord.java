package io.skein.broker.internal;

import io.lettuce.core.RedisURI;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Properties;

/**
 * What the owning host writes into the data directory so that other hosts can reach its server,
 * and the next owner can find it after a crash. The password is kept apart, in
 * {@code broker.secret}.
 *
 * @param serverPid the redis-server's process id
 * @param hostPid the process id of the host that owns it
 * @param socket the server's Unix socket, or {@code null} when it listens on loopback TCP
 * @param port the loopback TCP port, or 0 with a socket
 * @param executable the redis-server program that was started
 * @param version the server's version
 * @param started when the record was written
 */
record ServerRecord(long serverPid, long hostPid, Path socket, int port, Path executable, String version,
        Instant started) {

    static ServerRecord read(Path file) throws IOException, RecordException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            return null;
        }
        try {
            String socket = properties.getProperty("socket", "");
            return new ServerRecord(
                    Long.parseLong(required(properties, "server.pid")),
                    Long.parseLong(required(properties, "host.pid")),
                    socket.isEmpty() ? null : Path.of(socket),
                    Integer.parseInt(properties.getProperty("port", "0")),
                    Path.of(required(properties, "executable")),
                    properties.getProperty("version", ""),
                    Instant.parse(required(properties, "started")));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new RecordException(file + " is damaged: " + e.getMessage());
        }
    }

    private static String required(Properties properties, String key) throws RecordException {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new RecordException("has no " + key);
        }
        return value.trim();
    }

    String format() {
        return "# How to reach the redis-server of this data directory; written by its owning Skein host.\n"
                + "server.pid=" + serverPid + "\n"
                + "host.pid=" + hostPid + "\n"
                + "socket=" + (socket == null ? "" : socket.toString().replace("\\", "\\\\")) + "\n"
                + "port=" + port + "\n"
                + "executable=" + executable.toString().replace("\\", "\\\\") + "\n"
                + "version=" + version + "\n"
                + "started=" + started + "\n";
    }

    RedisURI uri(String secret, Duration timeout) {
        RedisURI.Builder builder = socket != null
                ? RedisURI.Builder.socket(socket.toString())
                : RedisURI.Builder.redis("127.0.0.1", port);
        return builder.withPassword(secret.toCharArray()).withTimeout(timeout).build();
    }

    String endpoint() {
        return socket != null ? "unix:" + socket : "tcp:127.0.0.1:" + port;
    }

    /** A record that exists but cannot be read as one. */
    static final class RecordException extends Exception {

        private static final long serialVersionUID = 1L;

        RecordException(String message) {
            super(message);
        }
    }
}
