package io.skein.itest;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.ops4j.pax.exam.Option;
import org.osgi.framework.Constants;

/** The Pax Exam set-up every in-framework test shares: the assembly's bundles on a temporary data directory. */
final class ExamOptions {

    private ExamOptions() {
    }

    /** Options for a Felix with every bundle of {@code host/target/skein/bundle} but the interactive shell. */
    static Option[] skein() throws IOException {
        Path home = Files.createTempDirectory(TestRoot.folder().toPath(), "exam");
        System.setProperty("skein.home", home.toString());
        List<Option> options = new ArrayList<>();
        options.add(frameworkProperty("org.ops4j.pax.logging.property.file")
                .value(Skein.DIST.resolve("runtime/log4j2.xml").toString()));
        options.add(frameworkProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("ERROR"));
        options.add(frameworkProperty("felix.fileinstall.dir").value(home.resolve("etc").toString()));
        options.add(frameworkProperty("skein.home").value(home.toString()));
        options.add(junitBundles());
        try (Stream<Path> jars = Files.list(Skein.DIST.resolve("bundle"))) {
            for (Path jar : jars.sorted().toList()) {
                String name = jar.getFileName().toString();
                if (name.startsWith("org.apache.felix.gogo.jline")) {
                    continue; // the interactive shell would read the test's standard input
                }
                options.add(isFragment(jar) ? bundle(jar.toUri().toString()).noStart()
                        : bundle(jar.toUri().toString()));
            }
        }
        return options.toArray(new Option[0]);
    }

    private static boolean isFragment(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest().getMainAttributes().getValue(Constants.FRAGMENT_HOST) != null;
        }
    }
}
