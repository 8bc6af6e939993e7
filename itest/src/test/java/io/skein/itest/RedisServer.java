package io.skein.itest;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

/** A redis-server that a test starts itself, on loopback with a password: an "external" Redis. */
final class RedisServer {

    private RedisServer() {
    }

    /** Copies the Linux redis-server out of the embedded-redis artifact on the test class path. */
    static Path binary(Path folder) throws IOException {
        Path target = folder.resolve("redis-server-for-test");
        if (!Files.exists(target)) {
            try (InputStream in = RedisServer.class.getResourceAsStream("/redis-server-6.2.6-v5-linux-amd64")) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
        }
        return target;
    }

    /** Starts a server on {@code port} (loopback, password {@code secret}) and waits until it listens. */
    static Process start(Processes processes, Path folder, int port, String secret) throws Exception {
        Process process = processes.start(new ProcessBuilder(binary(folder).toString(),
                "--port", Integer.toString(port), "--bind", "127.0.0.1", "--requirepass", secret,
                "--save", "", "--appendonly", "no", "--dir", folder.toString())
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("redis-" + port + ".out").toFile()));
        Skein.await("redis-server on port " + port, Duration.ofSeconds(20), () -> listening(port));
        return process;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
