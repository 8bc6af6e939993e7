package io.skein.itest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.rules.ExternalResource;

/**
 * Every process a test starts, directly (hosts, a redis-server, a stand-in program) or through
 * Skein (the embedded redis-servers of its data directories), and their removal after the test,
 * pass or fail.
 */
public final class Processes extends ExternalResource {

    private final List<Process> started = new ArrayList<>();
    private final List<Path> roots = new ArrayList<>();

    /** If the test JVM itself is stopped mid-test, the processes of the test still go with it. */
    private final Thread onExit = new Thread(this::after, "kill-test-processes");

    @Override
    protected void before() {
        Runtime.getRuntime().addShutdownHook(onExit);
    }

    /** Starts a process and remembers it for cleanup. */
    public synchronized Process start(ProcessBuilder builder) throws IOException {
        Process process = builder.start();
        started.add(process);
        return process;
    }

    /** Redis servers whose command line mentions this folder are removed after the test too. */
    public synchronized void watch(Path root) {
        roots.add(root);
    }

    /** The live redis-server processes whose command line mentions {@code root}. */
    public static List<Long> redisServersUnder(Path root) {
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                String commandLine = commandLine(entry);
                if (commandLine.contains("redis-server") && commandLine.contains(root.toString())) {
                    pids.add(Long.parseLong(name));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        return pids;
    }

    private static String commandLine(Path procEntry) {
        try {
            byte[] bytes = Files.readAllBytes(procEntry.resolve("cmdline"));
            return new String(bytes, StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    /** Sends SIGKILL, as {@code kill -9 PID} does. */
    public static void kill9(long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start();
        kill.waitFor(10, TimeUnit.SECONDS);
        ProcessHandle.of(pid).ifPresent(handle -> handle.onExit().orTimeout(10, TimeUnit.SECONDS).join());
    }

    /** Sends SIGTERM and waits for the process to end. */
    public static int terminate(Process process, Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("process " + process.pid() + " did not stop within " + timeout);
        }
        return process.exitValue();
    }

    @Override
    protected synchronized void after() {
        for (Process process : started) {
            if (process.isAlive()) {
                process.destroyForcibly();
                try {
                    process.waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        for (Path root : roots) {
            for (long pid : redisServersUnder(root)) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
        started.clear();
        roots.clear();
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // already running as the shutdown hook, or never registered
        }
    }
}
