package io.skein.broker.internal;

import io.lettuce.core.RedisURI;
import io.skein.broker.BrokerInfo;
import io.skein.broker.BrokerInfo.Mode;
import io.skein.broker.internal.DataDirectory.OwnerLock;
import io.skein.broker.internal.RedisServerProcess.Identity;
import io.skein.broker.internal.ServerRecord.RecordException;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One redis-server per data directory, whatever the number of hosts.
 *
 * <p>The host that holds the OS lock on {@code broker.lock} is the owner: it starts the server (or
 * adopts one a crashed owner left running), writes {@code broker.record}, restarts the server if it
 * dies, and is the only one that stops it. Every other host attaches as a client through the
 * record, and takes over when the owner is gone. All methods run on the broker's single thread.
 */
final class EmbeddedBroker implements Backend {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);
    private static final Duration POLL = Duration.ofMillis(20);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(2);
    private static final int RESTARTS_PER_MINUTE = 5;

    private final BrokerSettings settings;
    private final Function<String, URL> resources;
    private final Function<String, String> environment;
    private final Executor executor;
    private final HealthMonitor health = new HealthMonitor();
    private final Deque<Instant> restarts = new ArrayDeque<>();
    private final long hostPid = ProcessHandle.current().pid();

    private DataDirectory dir;
    private Connections connections;
    private String secret;
    private OwnerLock lock;
    private RedisServerProcess server;
    private ServerRecord record;
    private volatile boolean closing;

    EmbeddedBroker(BrokerSettings settings, Function<String, URL> resources, Function<String, String> environment,
            Executor executor) {
        this.settings = settings;
        this.resources = resources;
        this.environment = environment;
        this.executor = executor;
    }

    @Override
    public void start() throws BrokerException {
        dir = DataDirectory.prepare(settings.dataDirectory());
        connections = new Connections(settings.commandTimeout(), settings.connectTimeout());
        Instant deadline = Instant.now().plus(settings.startupTimeout());
        while (true) {
            Optional<OwnerLock> acquired = dir.tryLock();
            if (acquired.isPresent()) {
                becomeOwner(acquired.get());
                return;
            }
            if (tryAttach()) {
                return;
            }
            if (closing || Instant.now().isAfter(deadline)) {
                throw BrokerException.failure("Another Skein host holds " + dir.lockFile()
                        + " but its redis-server did not answer within " + settings.startupTimeout().toSeconds()
                        + " s" + ownerHint());
            }
            pause();
        }
    }

    private String ownerHint() {
        ServerRecord current = readRecordQuietly();
        return current == null ? " (no " + dir.recordFile().getFileName() + " yet)"
                : " (owner host pid " + current.hostPid() + ", server at " + current.endpoint() + ")";
    }

    private boolean tryAttach() throws BrokerException {
        ServerRecord current = readRecordQuietly();
        String password = dir.secret(false);
        if (current == null || password == null) {
            return false;
        }
        RedisURI uri = current.uri(password, settings.commandTimeout());
        if (connections.problem(uri).isPresent()) {
            return false;
        }
        secret = password;
        record = current;
        connections.use(uri);
        health.record(Optional.empty());
        LOG.info("Broker attached to redis-server pid={} at {}, owned by host pid={}", current.serverPid(),
                current.endpoint(), current.hostPid());
        return true;
    }

    private void becomeOwner(OwnerLock acquired) throws BrokerException {
        lock = acquired;
        try {
            secret = dir.secret(true);
            ServerRecord previous = readRecord();
            if (previous != null && adopt(previous)) {
                return;
            }
            if (previous == null && dir.socket().filter(Files::exists).isPresent() && adoptUnrecorded()) {
                return;
            }
            startServer(previous);
        } catch (BrokerException | RuntimeException e) {
            lock.close();
            lock = null;
            throw e;
        }
    }

    /** Adopts the recorded server if it answers; otherwise clears the way for a new one, or refuses. */
    private boolean adopt(ServerRecord previous) throws BrokerException {
        RedisURI uri = previous.uri(secret, settings.commandTimeout());
        if (connections.problem(uri).isEmpty()) {
            connections.use(uri);
            takeOver(previous, "left running by host pid=" + previous.hostPid());
            return true;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(previous.serverPid()).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            LOG.warn("Broker record {} names redis-server pid={}, which is no longer running; starting a new server",
                    dir.recordFile(), previous.serverPid());
            return false;
        }
        switch (RedisServerProcess.identify(process.get(), previous)) {
            case RECORDED_SERVER -> {
                LOG.warn("redis-server pid={} left by host pid={} does not answer at {}; stopping it and starting "
                        + "a new server", previous.serverPid(), previous.hostPid(), previous.endpoint());
                RedisServerProcess.terminate(process.get(), STOP_GRACE);
            }
            case REUSED_PID -> LOG.warn("Broker record {} names pid={}, which now belongs to another program "
                    + "started after the record ({}); the recorded server is gone, starting a new server",
                    dir.recordFile(), previous.serverPid(), RedisServerProcess.describe(process.get()));
            case UNKNOWN -> throw BrokerException.failure("Broker record " + dir.recordFile() + " names pid "
                    + previous.serverPid() + " (" + RedisServerProcess.describe(process.get())
                    + "), which is running but is not the recorded redis-server and does not answer at "
                    + previous.endpoint() + "; refusing to start a second server on the data in "
                    + dir.redisDirectory() + ". Stop that process, or delete the record if it does not use "
                    + "that data");
            default -> throw new IllegalStateException();
        }
        return false;
    }

    /** A server answering on this directory's socket and password without a record is still ours. */
    private boolean adoptUnrecorded() throws BrokerException {
        RedisURI uri = RedisURI.Builder.socket(dir.socket().get().toString()).withPassword(secret.toCharArray())
                .withTimeout(settings.commandTimeout()).build();
        if (connections.problem(uri).isPresent()) {
            return false;
        }
        connections.use(uri);
        ServerRecord unrecorded = new ServerRecord(0, 0, dir.socket().get(), 0, Path.of("redis-server"), "",
                Instant.now());
        takeOver(unrecorded, "found on " + unrecorded.endpoint() + " without a record");
        return true;
    }

    private void takeOver(ServerRecord previous, String how) throws BrokerException {
        Map<String, String> info = serverInfo();
        long pid = Long.parseLong(info.getOrDefault("process_id", String.valueOf(previous.serverPid())));
        Path executable = Optional.ofNullable(info.get("executable")).filter(s -> !s.isBlank()).map(Path::of)
                .orElse(previous.executable());
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty()) {
            throw BrokerException.failure("redis-server pid=" + pid + " answers at " + previous.endpoint()
                    + " but is not visible as a process here");
        }
        server = RedisServerProcess.adopt(process.get(), executable);
        writeRecord(previous.socket(), previous.port(), info.getOrDefault("redis_version", ""));
        health.record(Optional.empty());
        LOG.info("Broker adopted redis-server pid={} at {}, {}", pid, record.endpoint(), how);
        watch(server);
    }

    private void startServer(ServerRecord previous) throws BrokerException {
        Path executable = RedisExecutable.locate(settings.executable(), dir.binDirectory(), resources, environment);
        int port = dir.socket().isPresent() ? 0
                : previous != null && previous.port() > 0 && portFree(previous.port()) ? previous.port() : freePort();
        RedisServerProcess started;
        try {
            started = RedisServerProcess.start(executable, dir, secret, port, settings.appendfsync());
        } catch (IOException e) {
            throw BrokerException.failure("Cannot start " + executable + ": " + DataDirectory.describe(e), e);
        }
        RedisURI uri = (dir.socket().isPresent() ? RedisURI.Builder.socket(dir.socket().get().toString())
                : RedisURI.Builder.redis("127.0.0.1", port))
                .withPassword(secret.toCharArray()).withTimeout(settings.commandTimeout()).build();
        awaitAnswer(started, uri);
        server = started;
        connections.use(uri);
        writeRecord(dir.socket().orElse(null), port, serverInfo().getOrDefault("redis_version", ""));
        health.record(Optional.empty());
        LOG.info("Broker started redis-server {} pid={} at {} with data in {}", record.version(), started.pid(),
                record.endpoint(), dir.redisDirectory());
        watch(started);
    }

    private void awaitAnswer(RedisServerProcess started, RedisURI uri) throws BrokerException {
        Instant deadline = Instant.now().plus(settings.startupTimeout());
        Optional<String> problem = connections.problem(uri);
        while (problem.isPresent()) {
            if (!started.isAlive()) {
                throw BrokerException.failure("redis-server exited during start: " + serverOutput());
            }
            if (closing || Instant.now().isAfter(deadline)) {
                started.stop(STOP_GRACE);
                throw BrokerException.failure("redis-server pid=" + started.pid() + " did not answer at "
                        + Endpoints.describe(uri) + " within " + settings.startupTimeout().toSeconds() + " s: "
                        + problem.get());
            }
            pause();
            problem = connections.problem(uri);
        }
    }

    private String serverOutput() {
        Path logs = dir.logDirectory();
        for (Path log : List.of(logs.resolve("redis-server.out"), logs.resolve("redis.log"))) {
            try {
                List<String> lines = Files.readAllLines(log);
                if (!lines.isEmpty()) {
                    return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
                }
            } catch (IOException ignored) {
                // try the next log
            }
        }
        return "it printed nothing";
    }

    private void writeRecord(Path socket, int port, String version) throws BrokerException {
        record = new ServerRecord(server.pid(), hostPid, socket, port, server.executable(), version, Instant.now());
        try {
            dir.writeOwnerOnly(dir.recordFile(), record.format());
        } catch (IOException e) {
            throw BrokerException.failure("Cannot write " + dir.recordFile() + ": " + DataDirectory.describe(e), e);
        }
    }

    private void watch(RedisServerProcess process) {
        process.onExit().thenRunAsync(() -> serverExited(process), executor);
    }

    private void serverExited(RedisServerProcess process) {
        if (closing || process != server) {
            return;
        }
        Instant now = Instant.now();
        restarts.addLast(now);
        while (restarts.peekFirst().isBefore(now.minusSeconds(60))) {
            restarts.removeFirst();
        }
        if (restarts.size() > RESTARTS_PER_MINUTE) {
            String message = "redis-server pid=" + process.pid() + " exited; it exited " + restarts.size()
                    + " times within a minute, so Skein stopped restarting it: " + serverOutput();
            LOG.error("Broker {}", message);
            health.error(message);
            return;
        }
        LOG.warn("redis-server pid={} exited unexpectedly; starting it again", process.pid());
        try {
            startServer(record);
        } catch (BrokerException e) {
            LOG.error("Broker could not restart redis-server: {}", e.getMessage());
            health.error(e.getMessage());
        }
    }

    @Override
    public void check() {
        if (closing || connections == null) {
            return;
        }
        Optional<String> problem = connections.ping(CHECK_TIMEOUT);
        if (health.record(problem)) {
            if (problem.isPresent()) {
                LOG.warn("Broker lost redis-server at {}: {}", record == null ? "?" : record.endpoint(), problem.get());
            } else {
                LOG.info("Broker reaches redis-server at {} again", record.endpoint());
            }
        }
        if (problem.isPresent() && lock == null) {
            takeOverFromGoneOwner();
        }
    }

    private void takeOverFromGoneOwner() {
        try {
            Optional<OwnerLock> acquired = dir.tryLock();
            if (acquired.isEmpty()) {
                return;
            }
            LOG.info("Broker owner host pid={} is gone; this host takes over {}", record.hostPid(), dir.root());
            becomeOwner(acquired.get());
        } catch (BrokerException e) {
            LOG.error("Broker could not take over {}: {}", dir.root(), e.getMessage());
            health.error(e.getMessage());
        }
    }

    private ServerRecord readRecord() throws BrokerException {
        try {
            return ServerRecord.read(dir.recordFile());
        } catch (RecordException e) {
            LOG.warn("Broker ignores {}: {}", dir.recordFile(), e.getMessage());
            return null;
        } catch (IOException e) {
            throw BrokerException.failure("Cannot read " + dir.recordFile() + ": " + DataDirectory.describe(e), e);
        }
    }

    private ServerRecord readRecordQuietly() {
        try {
            return ServerRecord.read(dir.recordFile());
        } catch (IOException | RecordException e) {
            return null;
        }
    }

    private Map<String, String> serverInfo() throws BrokerException {
        try {
            return connections.info("server", settings.commandTimeout());
        } catch (Exception e) {
            throw BrokerException.failure("redis-server does not answer INFO: "
                    + Connections.rootMessage(e), e);
        }
    }

    private void pause() throws BrokerException {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw BrokerException.failure("Interrupted while waiting for redis-server", e);
        }
    }

    private static int freePort() throws BrokerException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw BrokerException.failure("No free loopback port: " + e.getMessage(), e);
        }
    }

    private static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void cancel() {
        closing = true;
    }

    @Override
    public BrokerInfo info() {
        boolean owner = lock != null;
        String endpoint = record == null ? "none" : record.endpoint() + " (password in "
                + dir.secretFile().getFileName() + ")";
        return new BrokerInfo(Mode.EMBEDDED, owner, endpoint, record == null ? -1 : record.serverPid(),
                record == null ? "" : record.version(), settings.dataDirectory(), health.snapshot());
    }

    @Override
    public Connections connections() {
        return connections;
    }

    @Override
    public void close() {
        closing = true;
        if (connections != null) {
            connections.close();
        }
        if (server != null && lock != null) {
            long pid = server.pid();
            server.stop(STOP_GRACE);
            try {
                Files.deleteIfExists(dir.recordFile());
            } catch (IOException e) {
                LOG.warn("Broker could not delete {}: {}", dir.recordFile(), DataDirectory.describe(e));
            }
            LOG.info("Broker stopped redis-server pid={}", pid);
        }
        if (lock != null) {
            lock.close();
            lock = null;
        }
    }
}
