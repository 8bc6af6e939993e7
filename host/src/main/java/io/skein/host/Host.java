package io.skein.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.util.tracker.ServiceTracker;

/**
 * One Felix framework on a data directory, with every bundle of the assembly installed. Several
 * hosts may run on one data directory at once; each gets its own framework cache under
 * {@code run/}, removed when it stops.
 */
final class Host {

    /** What the host is for: a full host, or a short-lived one that only runs a command. */
    enum Role {
        /** Runs everything, including background workers. */
        HOST,
        /** Runs one command; starts no background workers of its own. */
        EXEC
    }

    /** How a person meets the host: not at all, through the Gogo shell, or through the terminal UI. */
    enum Face {
        HEADLESS,
        SHELL,
        TUI
    }

    private static final String GOGO_SHELL = "org.apache.felix.gogo.jline";
    private static final String BROKER_SETTLED = "(|(skein.broker.state=ready)(skein.broker.state=failed))";

    private final Launcher.Layout layout;
    private final Path home;
    private final Path cache;
    private final Role role;
    private final Face face;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private Framework framework;

    private Host(Launcher.Layout layout, Path home, Role role, Face face) {
        this.layout = layout;
        this.home = home;
        this.role = role;
        this.face = face;
        this.cache = home.resolve("run").resolve("felix-" + ProcessHandle.current().pid());
    }

    static Host create(Launcher.Layout layout, Path home, Role role, Face face) throws HostException {
        Host host = new Host(layout, home, role, face);
        host.seedConfiguration();
        host.removeStaleCaches();
        return host;
    }

    Path home() {
        return home;
    }

    BundleContext context() {
        return framework.getBundleContext();
    }

    /** Copies each default configuration file that the data directory does not have yet. */
    private void seedConfiguration() throws HostException {
        try (Stream<Path> defaults = Files.list(layout.defaultConfiguration())) {
            for (Path file : defaults.toList()) {
                Path target = home.resolve("etc").resolve(file.getFileName());
                if (!Files.exists(target)) {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new HostException("cannot copy the default configuration into " + home.resolve("etc") + ": "
                    + e.getMessage(), e);
        }
    }

    /** Framework caches of hosts that are no longer running. */
    private void removeStaleCaches() {
        try (Stream<Path> caches = Files.list(home.resolve("run"))) {
            for (Path old : caches.toList()) {
                String name = old.getFileName().toString();
                if (name.startsWith("felix-") && !alive(name.substring("felix-".length()))) {
                    deleteTree(old);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // a cache left behind costs disk space only
        }
    }

    private static boolean alive(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true;
        }
    }

    void start() throws HostException {
        System.setProperty("skein.home", home.toString());
        // The terminal UI owns the screen: warnings go to the log file only.
        System.setProperty("skein.console.level", face == Face.TUI ? "OFF" : "WARN");
        try {
            framework = ServiceLoader.load(FrameworkFactory.class).findFirst()
                    .orElseThrow(() -> new HostException("no OSGi framework on the class path"))
                    .newFramework(frameworkProperties());
            framework.init();
            installBundles(framework.getBundleContext());
            framework.start();
        } catch (BundleException | IOException e) {
            stop();
            throw new HostException("the OSGi framework did not start: " + e.getMessage(), e);
        }
    }

    private Map<String, String> frameworkProperties() throws IOException {
        Properties defaults = new Properties();
        try (InputStream in = Files.newInputStream(layout.runtime().resolve("framework.properties"))) {
            defaults.load(in);
        }
        Map<String, String> properties = new HashMap<>();
        defaults.stringPropertyNames().forEach(name -> properties.put(name, defaults.getProperty(name)));
        properties.put("skein.home", home.toString());
        properties.put("skein.role", role.name().toLowerCase(java.util.Locale.ROOT));
        properties.put("skein.workers", Boolean.toString(role == Role.HOST));
        properties.put("skein.tui", Boolean.toString(face == Face.TUI));
        properties.put(Constants.FRAMEWORK_STORAGE, cache.toString());
        properties.put("felix.fileinstall.dir", home.resolve("etc").toString());
        properties.put("org.ops4j.pax.logging.property.file", layout.runtime().resolve("log4j2.xml").toString());
        // The shell stops the framework when its input ends; that is wanted only when a person exits it.
        properties.put("gosh.args", "");
        return properties;
    }

    private void installBundles(BundleContext context) throws IOException, BundleException {
        List<Path> jars;
        try (Stream<Path> files = Files.list(layout.bundles())) {
            jars = files.filter(p -> p.toString().endsWith(".jar")).sorted(Comparator.comparing(Path::toString))
                    .toList();
        }
        for (Path jar : jars) {
            // Copied into this host's cache, so that a rebuild under a running host cannot change its classes.
            Bundle bundle = context.installBundle(jar.toUri().toString());
            bundle.adapt(BundleStartLevel.class).setStartLevel(startLevel(bundle.getSymbolicName()));
            boolean fragment = bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            boolean wanted = face == Face.SHELL || !GOGO_SHELL.equals(bundle.getSymbolicName());
            if (!fragment && wanted) {
                bundle.start();
            }
        }
    }

    /** Logging first, then configuration and components, then everything else. */
    private static int startLevel(String symbolicName) {
        if (symbolicName.startsWith("org.ops4j.pax.logging")) {
            return 1;
        }
        if (symbolicName.startsWith("org.apache.felix.")) {
            return symbolicName.equals(GOGO_SHELL) ? 3 : 2;
        }
        return 3;
    }

    /** Waits until the broker has come up or failed, so that a command sees it settled. */
    void awaitSettled(Duration timeout) throws HostException {
        long deadline = System.nanoTime() + timeout.toNanos();
        await("org.apache.felix.service.command.CommandProcessor", null, deadline);
        await(null, BROKER_SETTLED, deadline);
        // With the broker up, its dependents (the queue, the journal, the graph modules) settle in
        // moments; a command run before would, say, save entries before the modules are known.
        Components components = new Components(context());
        try {
            while (System.nanoTime() < deadline && context().getServiceReferences(
                    (String) null, "(skein.broker.state=ready)") != null && !components.allSettled()) {
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        } finally {
            components.close();
        }
    }

    /**
     * Waits until the broker answers and no component waits for anything any more.
     *
     * @return whether the host got there within {@code timeout}
     */
    boolean awaitReady(Duration timeout) throws HostException {
        long deadline = System.nanoTime() + timeout.toNanos();
        await(null, "(skein.broker.state=ready)", deadline);
        Components components = new Components(context());
        try {
            while (System.nanoTime() < deadline) {
                if (components.allSettled()) {
                    return true;
                }
                Thread.sleep(10);
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            components.close();
        }
    }

    private void await(String objectClass, String filter, long deadline) throws HostException {
        String expression = objectClass != null ? "(" + Constants.OBJECTCLASS + "=" + objectClass + ")" : filter;
        try {
            ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context(),
                    FrameworkUtil.createFilter(expression), null);
            tracker.open(true);
            try {
                long millis = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                if (tracker.waitForService(millis) == null) {
                    throw new HostException("the host did not become ready within "
                            + Launcher.SETTLE_TIMEOUT.toSeconds() + " s (waiting for " + expression + "); see "
                            + home.resolve("log").resolve("skein.log"));
                }
            } finally {
                tracker.close();
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostException("interrupted while starting");
        }
    }

    void awaitStop() {
        try {
            framework.waitForStop(0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the framework (bundles stop in reverse order, dependents first) and removes the cache. */
    synchronized void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        try {
            if (framework != null) {
                framework.stop();
                framework.waitForStop(120_000);
            }
        } catch (BundleException e) {
            System.err.println("skein: the framework did not stop cleanly: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteTree(cache);
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a cache left behind is removed by the next host
        }
    }
}
