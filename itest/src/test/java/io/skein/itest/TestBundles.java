package io.skein.itest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Builds small real bundles from the test classes in {@code io.skein.itest.tasks}, to be installed
 * into a framework or dropped into a host's deploy folder.
 */
final class TestBundles {

    private static final String IMPORTS = "io.skein.queue;version=\"[1.0,2)\",io.skein.broker;version=\"[1.0,2)\","
            + "io.skein.inference;version=\"[1.0,2)\","
            + "io.lettuce.core;version=\"[7.7,8)\",io.lettuce.core.api;version=\"[7.7,8)\","
            + "io.lettuce.core.api.sync;version=\"[7.7,8)\",org.osgi.framework;version=\"[1.8,2)\","
            + "org.osgi.util.tracker;version=\"[1.5,2)\"";

    private TestBundles() {
    }

    /** The test tasks (test.record, test.fail) for {@code queue}. */
    static Path tasks(Path folder, String queue, String version) throws IOException {
        return build(folder.resolve("skein-test-tasks.jar"), "skein.itest.tasks", version,
                "io.skein.itest.tasks.TasksActivator", queue);
    }

    /** A bundle holding one retry policy, "bundle-policy", ranked 50. */
    static Path policy(Path folder) throws IOException {
        return build(folder.resolve("skein-test-policy.jar"), "skein.itest.policy", "1.0.0",
                "io.skein.itest.tasks.PolicyActivator", null);
    }

    private static Path build(Path jar, String symbolicName, String version, String activator, String queue)
            throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", version);
        main.putValue("Bundle-Activator", activator);
        main.putValue("Import-Package", IMPORTS);
        if (queue != null) {
            main.putValue("Skein-Test-Queue", queue);
        }
        Path classes = Path.of(System.getProperty("skein.test.classes", "target/test-classes"));
        Path tasks = classes.resolve("io/skein/itest/tasks");
        Files.createDirectories(jar.getParent());
        Path part = jar.resolveSibling(jar.getFileName() + ".part");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(part), manifest);
                Stream<Path> files = Files.list(tasks)) {
            for (Path file : files.sorted().toList()) {
                out.putNextEntry(new JarEntry("io/skein/itest/tasks/" + file.getFileName()));
                Files.copy(file, (OutputStream) out);
                out.closeEntry();
            }
        }
        Files.move(part, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return jar;
    }
}
