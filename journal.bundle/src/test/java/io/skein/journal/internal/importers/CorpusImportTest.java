package io.skein.journal.internal.importers;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The three exports of the shared corpus hold the same 40 entries; each importer must find them all. */
public class CorpusImportTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private static Path dayOne() {
        return Corpus.dev().resolve("dayone/Journal.json");
    }

    private static Path jrnl() {
        return Corpus.dev().resolve("jrnl/journal.json");
    }

    private static Path obsidian() {
        return Corpus.dev().resolve("obsidian");
    }

    /** Reads an export, fails on any problem, and returns each entry's text by date, whitespace collapsed. */
    private static Map<String, String> textByDate(Importer importer, Path path) throws IOException {
        List<ImportRecord> records = importer.read(path, "corpus");
        Map<String, String> byDate = new TreeMap<>();
        for (ImportRecord record : records) {
            if (record.hasProblem()) {
                fail(record.problemLine());
            }
            String text = record.draft().content().replaceAll("\\s+", " ").strip();
            assertEquals(null, byDate.put(record.draft().time().substring(0, 10), text));
        }
        assertEquals(40, records.size());
        return byDate;
    }

    @Test
    public void everyFormatGivesTheSameFortyEntries() throws IOException {
        Map<String, String> dayOne = textByDate(new DayOneImporter(), dayOne());
        Map<String, String> jrnl = textByDate(new JrnlImporter(), jrnl());
        Map<String, String> obsidian = textByDate(new ObsidianImporter(), obsidian());

        assertEquals(40, dayOne.size());
        assertEquals(dayOne, obsidian);
        assertEquals(dayOne, jrnl);
    }

    @Test
    public void dayOneKeepsUuidTimeAndTags() throws IOException {
        ImportRecord first = new DayOneImporter().read(dayOne(), "corpus").get(0);

        assertEquals("9A13557B65165FAE94AC9F565AF602B4", first.draft().id());
        assertEquals("1660-08-26T21:00:00Z", first.draft().time());
        assertEquals(List.of("pepys", "diary"), first.draft().tags());
        assertTrue(first.draft().content().startsWith("26th (Lord’s day). With Sir W. Penn"));
        assertEquals(dayOne() + "", first.file());
        assertEquals("entry 1, line 6", first.position());
    }

    @Test
    public void jrnlAndObsidianIdsComeFromTheDate() throws IOException {
        ImportRecord jrnl = new JrnlImporter().read(jrnl(), "corpus").get(0);
        ImportRecord note = new ObsidianImporter().read(obsidian(), "corpus").get(0);

        assertEquals("jrnl-1660-08-26-1", jrnl.draft().id());
        assertEquals("1660-08-26T21:00", jrnl.draft().time());
        assertEquals("obsidian-1660-08-26", note.draft().id());
        assertEquals("1660-08-26", note.draft().time());
        assertEquals(List.of("pepys", "diary"), note.draft().tags());
        assertEquals(obsidian().resolve("1660-08-26.md").toString(), note.file());
    }

    @Test
    public void detectionNamesTheFormatOfEachCorpusPath() {
        assertEquals("dayone", Importers.detect(dayOne()).format());
        assertEquals("jrnl", Importers.detect(jrnl()).format());
        assertEquals("obsidian", Importers.detect(obsidian()).format());
        assertEquals("obsidian", Importers.detect(obsidian().resolve("1660-08-26.md")).format());
    }

    @Test
    public void aDayOneZipIsDetectedAndReadWithoutExtracting() throws IOException {
        Path zip = temp.getRoot().toPath().resolve("export.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream entries = new ZipOutputStream(out)) {
            entries.putNextEntry(new ZipEntry("photos/"));
            entries.putNextEntry(new ZipEntry("Journal.json"));
            entries.write(Files.readAllBytes(dayOne()));
        }

        assertEquals("dayone", Importers.detect(zip).format());
        List<ImportRecord> records = Importers.detect(zip).read(zip, "corpus");
        assertEquals(40, records.stream().filter(record -> !record.hasProblem()).count());
        assertEquals(zip + "!/Journal.json", records.get(0).file());
        assertEquals(textByDate(new DayOneImporter(), dayOne()), textByDate(new DayOneImporter(), zip));
    }
}
