package io.skein.itest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs Skein the way a user does, through the launcher of the assembly in {@code host/target/skein}
 * (what {@code ./skein} runs), each host in its own JVM, on a data directory of the test's.
 */
public final class Skein {

    /** The assembly under test. */
    public static final Path DIST = Path.of(System.getProperty("skein.dist", "../host/target/skein"))
            .toAbsolutePath().normalize();

    private static final Duration EXEC_TIMEOUT = Duration.ofSeconds(120);

    private final Processes processes;
    private final Path home;

    public Skein(Processes processes, Path home) {
        this.processes = processes;
        this.home = home;
        processes.watch(home);
    }

    public Path home() {
        return home;
    }

    public Path log() {
        return home.resolve("log").resolve("skein.log");
    }

    /** The outcome of {@code ./skein exec}. */
    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out ---\n" + out + "--- err ---\n" + err;
        }
    }

    /** Starts a headless host (stdin is not a terminal) and returns its process. */
    public Process startHost() throws IOException {
        Path output = home.resolveSibling(home.getFileName() + "-host-" + System.nanoTime() + ".out");
        Files.createDirectories(output.getParent());
        return processes.start(launcher("run")
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile()));
    }

    /** Runs {@code ./skein exec COMMAND} and waits for it. */
    public Result exec(String command) throws IOException, InterruptedException {
        return run(List.of("exec", command));
    }

    /** Runs the launcher with these arguments (as {@code ./skein ARGS...}) and waits for it. */
    public Result run(List<String> args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(home.getParent(), "exec", ".out");
        Path err = Files.createTempFile(home.getParent(), "exec", ".err");
        Process process = processes.start(launcher(args.toArray(new String[0]))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile()));
        if (!process.waitFor(EXEC_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("./skein " + args + " did not finish within " + EXEC_TIMEOUT);
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** Runs {@code ./skein exec COMMAND}, expecting success, and returns what it printed. */
    public String execOk(String command) throws IOException, InterruptedException {
        Result result = exec(command);
        if (result.exitCode() != 0) {
            throw new AssertionError("./skein exec '" + command + "' failed: " + result);
        }
        return result.out();
    }

    private ProcessBuilder launcher(String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", DIST.resolve("lib") + "/*",
                "io.skein.host.Launcher"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("SKEIN_HOME", home.toString());
        return builder;
    }

    /** Waits until the log has a line from {@code pid} matching {@code regex}; returns that line. */
    public String awaitLog(long pid, String regex, Duration timeout) throws IOException, InterruptedException {
        Pattern pattern = Pattern.compile(regex);
        String marker = "[" + pid + "]";
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(log())) {
                for (String line : Files.readAllLines(log(), StandardCharsets.UTF_8)) {
                    if (line.contains(marker) && pattern.matcher(line).find()) {
                        return line;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no log line of pid " + pid + " matching /" + regex + "/ within " + timeout
                + " in " + log() + ":\n" + (Files.exists(log()) ? Files.readString(log()) : "(no log)"));
    }

    /** Writes (replacing) {@code etc/skein.broker.cfg} before a host starts. */
    public void configureBroker(String properties) throws IOException {
        configure("skein.broker", properties);
    }

    /** Writes (replacing) {@code etc/PID.cfg}. */
    public void configure(String pid, String properties) throws IOException {
        Files.createDirectories(home.resolve("etc"));
        Files.writeString(home.resolve("etc").resolve(pid + ".cfg"), properties);
    }

    /** Puts a bundle into the deploy folder. */
    public void deploy(Path jar) throws IOException {
        Files.createDirectories(home.resolve("deploy"));
        Files.copy(jar, home.resolve("deploy").resolve(jar.getFileName()),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Polls {@code condition} until it holds or {@code timeout} passes. */
    public static void await(String what, Duration timeout, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(100);
        }
    }
}
