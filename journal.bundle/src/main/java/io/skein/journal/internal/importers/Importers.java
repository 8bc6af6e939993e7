package io.skein.journal.internal.importers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The importers Skein knows, found by format name or by looking at what is to be imported. */
public final class Importers {

    private static final List<Importer> ALL = List.of(new DayOneImporter(), new JrnlImporter(),
            new ObsidianImporter());

    private Importers() {
    }

    /** Every importer, in the order {@link #detect} tries them. */
    public static List<Importer> all() {
        return ALL;
    }

    /**
     * The importer for a file or folder, told by its name and content.
     *
     * @throws IllegalArgumentException naming the path when it does not exist or no format fits
     */
    public static Importer detect(Path path) {
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("Nothing to import at " + path + ": no such file or folder");
        }
        return ALL.stream().filter(importer -> importer.accepts(path)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Cannot tell the format of " + path
                        + ": expected a Day One export (a .zip, or a .json with \"metadata\" and \"entries\"), "
                        + "a jrnl JSON export (a .json whose \"entries\" have title, body, date and time) "
                        + "or Obsidian daily notes (a YYYY-MM-DD.md file, or a folder holding some)"));
    }

    /**
     * The importer of a format.
     *
     * @throws IllegalArgumentException quoting the name when no importer has it
     */
    public static Importer named(String format) {
        return ALL.stream().filter(importer -> importer.format().equals(format)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No importer for format \"" + format
                        + "\": use dayone, jrnl or obsidian"));
    }
}
