package io.skein.journal.internal.importers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads one journal export format into drafts. An importer never saves: it returns a record per
 * item, with the draft to save or the problem that keeps the item out, so that one damaged entry
 * costs only itself. Ids are derived from the export, so importing the same file again gives the
 * same ids and replaces rather than duplicates.
 */
public interface Importer {

    /** The format's short name: {@code dayone}, {@code jrnl} or {@code obsidian}. */
    String format();

    /** Whether the file or folder looks like this format; an unreadable path is not accepted. */
    boolean accepts(Path path);

    /**
     * Reads every item of the export.
     *
     * @param path the file or folder, as the user named it
     * @param journal the journal the drafts are for
     * @return one record per item, in file order
     * @throws IOException when the path cannot be read at all
     * @throws IllegalArgumentException when the journal name is not valid
     */
    List<ImportRecord> read(Path path, String journal) throws IOException;
}
