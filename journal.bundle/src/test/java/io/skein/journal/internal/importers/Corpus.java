package io.skein.journal.internal.importers;

import static org.junit.Assume.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;

/**
 * The shared import corpus, which lives beside the checkout, not in it: the {@code skein.corpus}
 * system property, else {@code ../shared/corpus} beside the repository, else the team workspace's copy.
 * Tests that need it are skipped, not failed, where it is absent.
 */
final class Corpus {

    private Corpus() {
    }

    /** The corpus's {@code dev} folder. */
    static Path dev() {
        Path found = Stream.of(System.getProperty("skein.corpus"), "../../shared/corpus", "/work/shared/corpus")
                .filter(candidate -> candidate != null)
                .map(candidate -> Paths.get(candidate, "dev"))
                .filter(Files::isDirectory)
                .findFirst().orElse(null);
        assumeTrue("the import corpus (set -Dskein.corpus=...) is not here", found != null);
        return found;
    }
}
