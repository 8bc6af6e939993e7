package io.skein.broker.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A redis-server process that this host owns: one it started, or one a crashed host left behind
 * that it adopted. The process is started in its own session so that a Ctrl-C in the terminal of
 * the host, or the host's death, does not take it down; only {@link #stop} does.
 */
final class RedisServerProcess {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final ProcessHandle handle;
    private final Path executable;

    private RedisServerProcess(ProcessHandle handle, Path executable) {
        this.handle = handle;
        this.executable = executable;
    }

    /** Takes over an already running server. */
    static RedisServerProcess adopt(ProcessHandle handle, Path executable) {
        return new RedisServerProcess(handle, executable);
    }

    /**
     * Writes the server configuration (owner-only: it holds the password) and starts the server.
     * Append-only persistence is on, RDB snapshots are off; the server listens on the Unix socket
     * only, or, when the path is too long for a socket, on loopback at {@code port}.
     */
    static RedisServerProcess start(Path executable, DataDirectory dir, String secret, int port, String appendfsync)
            throws IOException {
        StringBuilder conf = new StringBuilder("# Written by Skein at each start; edits are lost.\n");
        Optional<Path> socket = dir.socket();
        if (socket.isPresent()) {
            Files.deleteIfExists(socket.get());
            conf.append("port 0\nunixsocket ").append(quote(socket.get())).append("\nunixsocketperm 700\n");
        } else {
            conf.append("port ").append(port).append("\nbind 127.0.0.1\n");
        }
        conf.append("requirepass ").append(secret).append('\n')
                .append("dir ").append(quote(dir.redisDirectory())).append('\n')
                .append("appendonly yes\nappendfsync ").append(appendfsync).append("\nsave \"\"\n")
                .append("daemonize no\nprotected-mode yes\n")
                .append("logfile ").append(quote(dir.logDirectory().resolve("redis.log"))).append('\n');
        dir.writeOwnerOnly(dir.serverConfig(), conf.toString());

        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            command.add(SETSID.toString());
        }
        command.add(executable.toString());
        command.add(dir.serverConfig().toString());
        File out = dir.logDirectory().resolve("redis-server.out").toFile();
        Process process = new ProcessBuilder(command)
                .directory(dir.redisDirectory().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(out))
                .redirectErrorStream(true)
                .start();
        return new RedisServerProcess(process.toHandle(), executable);
    }

    private static String quote(Path path) {
        return "\"" + path.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    long pid() {
        return handle.pid();
    }

    Path executable() {
        return executable;
    }

    boolean isAlive() {
        return handle.isAlive();
    }

    CompletableFuture<ProcessHandle> onExit() {
        return handle.onExit();
    }

    /** Asks the server to shut down (it flushes the append-only file), and kills it if it will not. */
    void stop(Duration grace) {
        terminate(handle, grace);
    }

    static void terminate(ProcessHandle process, Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            process.destroyForcibly();
            process.onExit().orTimeout(5, TimeUnit.SECONDS).exceptionally(t -> null).join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** What a live process id stands for now, judged against a record that names it. */
    enum Identity {
        /** The process runs the recorded redis-server program. */
        RECORDED_SERVER,
        /** The pid was reused: the process started after the record was written. */
        REUSED_PID,
        /** Some other program that was already running when the record was written. */
        UNKNOWN
    }

    static Identity identify(ProcessHandle process, ServerRecord record) {
        ProcessHandle.Info info = process.info();
        Optional<String> command = info.command();
        if (command.isPresent() && samePath(command.get(), record.executable())) {
            return Identity.RECORDED_SERVER;
        }
        Optional<Instant> start = info.startInstant();
        if (start.isPresent() && start.get().isAfter(record.started())) {
            return Identity.REUSED_PID;
        }
        return Identity.UNKNOWN;
    }

    private static boolean samePath(String command, Path executable) {
        try {
            return Path.of(command).toRealPath().equals(executable.toRealPath());
        } catch (IOException e) {
            return Path.of(command).equals(executable);
        }
    }

    static String describe(ProcessHandle process) {
        return process.info().commandLine().or(() -> process.info().command()).orElse("an unknown program");
    }
}
