package io.skein.itest;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The folder under which tests make their data directories: never a user's data. */
final class TestRoot {

    private TestRoot() {
    }

    static File folder() {
        Path root = Path.of(System.getProperty("skein.test.root", "target/it")).toAbsolutePath();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return root.toFile();
    }
}
