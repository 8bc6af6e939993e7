package io.skein.journal.internal.importers;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Format detection on small files, and the errors for what no importer reads. */
public class DetectionTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private Path write(String name, String content) throws IOException {
        Path path = temp.getRoot().toPath().resolve(name);
        Files.createDirectories(path.getParent());
        return Files.write(path, content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    public void emptyExportsAreStillTold() throws IOException {
        assertEquals("dayone", Importers.detect(write("a.json", "{\"metadata\": {}, \"entries\": []}")).format());
        assertEquals("jrnl", Importers.detect(write("b.json", "{\"tags\": {}, \"entries\": []}")).format());
    }

    @Test
    public void aCutFileIsToldByWhatWasReadBeforeTheCut() throws IOException {
        Path cut = write("cut.json", "{\"tags\": {}, \"entries\": [{\"title\": \"a\", \"body\": \"b\", \"date\": "
                + "\"2024-01-01\", \"time\": \"10:00\", \"tags\": [], \"starred\": fa");

        assertEquals("jrnl", Importers.detect(cut).format());
    }

    @Test
    public void nestedDailyNotesMakeAnObsidianVault() throws IOException {
        write("vault/Daily/2024/2024-04-19.md", "Rain.");
        write("vault/Ideas.md", "Not a daily note.");

        assertEquals("obsidian", Importers.detect(temp.getRoot().toPath().resolve("vault")).format());
    }

    @Test
    public void whatNoImporterReadsIsRefusedWithItsPath() throws IOException {
        Path other = write("other.json", "{\"items\": []}");

        String message = assertThrows(IllegalArgumentException.class, () -> Importers.detect(other)).getMessage();
        assertEquals("Cannot tell the format of " + other + ": expected a Day One export (a .zip, or a .json with "
                + "\"metadata\" and \"entries\"), a jrnl JSON export (a .json whose \"entries\" have title, body, "
                + "date and time) or Obsidian daily notes (a YYYY-MM-DD.md file, or a folder holding some)", message);
    }

    @Test
    public void aMissingPathIsRefusedWithItsPath() {
        Path missing = temp.getRoot().toPath().resolve("nowhere");

        assertEquals("Nothing to import at " + missing + ": no such file or folder",
                assertThrows(IllegalArgumentException.class, () -> Importers.detect(missing)).getMessage());
    }

    @Test
    public void formatsAreFoundByName() {
        assertEquals("jrnl", Importers.named("jrnl").format());
        assertEquals("No importer for format \"evernote\": use dayone, jrnl or obsidian",
                assertThrows(IllegalArgumentException.class, () -> Importers.named("evernote")).getMessage());
    }
}
