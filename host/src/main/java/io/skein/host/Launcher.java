package io.skein.host;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * {@code ./skein} starts here.
 *
 * <pre>
 * skein               run the host: the terminal UI when a terminal is attached, else headless until stopped
 * skein shell         run the host with the Gogo shell (its command tui opens the terminal UI)
 * skein headless      run the host without a UI even on a terminal (for {@code ./skein headless &})
 * skein exec 'CMD'    run one Gogo command against the data directory and exit with its outcome
 * skein import PATH... import journal exports (Day One, jrnl, Obsidian); exits 1 when anything was skipped
 * </pre>
 *
 * Exit codes: 0 success, 1 the command or the host failed, 2 bad usage.
 */
public final class Launcher {

    static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(90);

    private Launcher() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String verb = args.length == 0 ? "run" : args[0];
        try {
            return switch (verb) {
                case "run" -> serve(System.console() != null ? Host.Face.TUI : Host.Face.HEADLESS, out);
                case "shell" -> serve(Host.Face.SHELL, out);
                case "headless" -> serve(Host.Face.HEADLESS, out);
                case "exec" -> exec(args, out, err);
                case "import" -> importCommand(args, out, err);
                case "help", "-h", "--help" -> usage(out, 0);
                default -> {
                    err.println("skein: unknown command \"" + verb + "\"");
                    yield usage(err, 2);
                }
            };
        } catch (HostException e) {
            err.println("skein: " + e.getMessage());
            return 1;
        }
    }

    private static int serve(Host.Face face, PrintStream out) throws HostException {
        boolean interactive = face != Host.Face.HEADLESS;
        Host host = Host.create(Layout.locate(), SkeinHome.resolve(System.getenv()), Host.Role.HOST, face);
        Runtime.getRuntime().addShutdownHook(new Thread(host::stop, "skein-shutdown"));
        // SIGTERM and (headless) SIGINT are the ordinary way to stop a host: stop cleanly, exit 0.
        stopOn("TERM", host);
        if (!interactive) {
            stopOn("INT", host);
        }
        host.start();
        if (!interactive) {
            long pid = ProcessHandle.current().pid();
            out.println("skein: host pid " + pid + " running on " + host.home() + " (headless); stop it with Ctrl-C "
                    + "or kill " + pid);
            if (host.awaitReady(SETTLE_TIMEOUT)) {
                out.println("skein: ready in " + sinceStart() + " ms (broker up, every component active)");
            } else {
                out.println("skein: not ready after " + SETTLE_TIMEOUT.toSeconds() + " s; see broker:info and "
                        + host.home().resolve("log").resolve("skein.log"));
            }
        }
        host.awaitStop();
        host.stop();
        return 0;
    }

    private static long sinceStart() {
        return System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    private static void stopOn(String signal, Host host) {
        sun.misc.Signal.handle(new sun.misc.Signal(signal),
                received -> new Thread(host::stop, "skein-stop-on-" + signal).start());
    }

    private static int exec(String[] args, PrintStream out, PrintStream err) throws HostException {
        if (args.length < 2 || String.join(" ", Arrays.copyOfRange(args, 1, args.length)).isBlank()) {
            err.println("skein: exec needs a command, e.g. ./skein exec 'broker:info'");
            return 2;
        }
        String command = String.join(" ", Arrays.copyOfRange(args, 1, args.length));
        Host host = Host.create(Layout.locate(), SkeinHome.resolve(System.getenv()), Host.Role.EXEC,
                Host.Face.HEADLESS);
        Thread hook = new Thread(host::stop, "skein-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            host.start();
            host.awaitSettled(SETTLE_TIMEOUT);
            return new CommandRunner(host.context()).run(command, out, err);
        } finally {
            host.stop();
            Runtime.getRuntime().removeShutdownHook(hook);
        }
    }

    /** {@code skein import [--journal J] [--format F] PATH...} is {@code journal:import} with absolute paths. */
    private static int importCommand(String[] args, PrintStream out, PrintStream err) throws HostException {
        StringBuilder command = new StringBuilder("journal:import");
        int paths = 0;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if ((arg.equals("--journal") || arg.equals("-j") || arg.equals("--format") || arg.equals("-f"))
                    && i + 1 < args.length) {
                command.append(' ').append(arg).append(' ').append(quote(args[++i]));
            } else {
                command.append(' ').append(quote(Path.of(arg).toAbsolutePath().normalize().toString()));
                paths++;
            }
        }
        if (paths == 0) {
            err.println("skein: import needs a file or folder, e.g. ./skein import ~/Downloads/Journal.json");
            return 2;
        }
        return exec(new String[] {"exec", command.toString()}, out, err);
    }

    /** A Gogo string literal. */
    private static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static int usage(PrintStream to, int code) {
        to.println("""
                usage: skein                run Skein (the terminal UI on a terminal, else headless until stopped)
                       skein shell          run Skein with the Gogo shell (tui opens the terminal UI)
                       skein headless       run Skein without a UI, also on a terminal (e.g. ./skein headless &)
                       skein exec 'CMD'     run one Gogo command, e.g. skein exec 'broker:info'
                       skein import PATH... import Day One, jrnl or Obsidian exports [--journal J] [--format F]
                the data directory is SKEIN_HOME, else $XDG_DATA_HOME/skein, else ~/.local/share/skein""");
        return code;
    }

    /** Where the runnable assembly is: the folder above {@code lib/} holding this class's jar. */
    record Layout(Path root) {

        static Layout locate() throws HostException {
            try {
                Path jar = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                return new Layout(jar.getParent().getParent());
            } catch (Exception e) {
                throw new HostException("cannot find the Skein assembly: " + e.getMessage(), e);
            }
        }

        Path bundles() {
            return root.resolve("bundle");
        }

        Path runtime() {
            return root.resolve("runtime");
        }

        Path defaultConfiguration() {
            return root.resolve("etc");
        }
    }
}
