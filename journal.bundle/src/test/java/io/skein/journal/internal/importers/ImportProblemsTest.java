package io.skein.journal.internal.importers;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Each problem an import can meet, with the exact line a user sees; the bad item is refused and the
 * good ones around it are still imported. In the JSON fixtures entry N sits on line N + 1.
 */
public class ImportProblemsTest {

    private static final String BAD_TIME = "\" is not an ISO-8601 date or time (e.g. 2024-04-19T21:48:36Z, "
            + "2024-04-19T21:48, 2024-04-19)";

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private Path write(String name, byte[] content) throws IOException {
        Path path = temp.getRoot().toPath().resolve(name);
        Files.createDirectories(path.getParent());
        return Files.write(path, content);
    }

    private Path write(String name, String content) throws IOException {
        return write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private static String dayOne(String... entries) {
        return "{\"metadata\": {\"version\": \"1.0\"}, \"entries\": [\n" + String.join(",\n", entries) + "\n]}\n";
    }

    private static String dayOneEntry(int n, String date, String more) {
        return String.format("{\"uuid\": \"%032X\", \"creationDate\": \"%s\"%s}", n, date, more);
    }

    private static String good(int n) {
        return dayOneEntry(n, "2024-04-1" + n + "T21:48:36Z", ", \"text\": \"Entry " + n + "\\\\.\"");
    }

    private static String jrnl(String... entries) {
        return "{\"tags\": {}, \"entries\": [\n" + String.join(",\n", entries) + "\n]}\n";
    }

    private static String jrnlEntry(String body, String date, String time) {
        return "{\"title\": \"T.\", \"body\": \"" + body + "\", \"date\": \"" + date + "\", \"time\": \"" + time
                + "\", \"tags\": [], \"starred\": false}";
    }

    /** Reads with the importer detection picks, and checks which records were imported. */
    private static List<ImportRecord> read(Path path, boolean... imported) throws IOException {
        List<ImportRecord> records = Importers.detect(path).read(path, "test");
        assertEquals(imported.length, records.size());
        for (int i = 0; i < imported.length; i++) {
            assertEquals(records.get(i).toString(), imported[i], !records.get(i).hasProblem());
        }
        return records;
    }

    @Test
    public void aDayOneEntryWithoutTextIsSkipped() throws IOException {
        Path file = write("Journal.json", dayOne(good(1),
                dayOneEntry(2, "2024-04-12T21:48:36Z", ", \"photos\": [{\"identifier\": \"P1\"}]"), good(3)));

        List<ImportRecord> records = read(file, true, false, true);
        assertEquals(file + ": entry 2, line 3: no text (a media-only entry?)", records.get(1).problemLine());
        assertEquals("Entry 1.", records.get(0).draft().content());
    }

    @Test
    public void aNulCharacterIsRefusedWhetherEscapedOrRaw() throws IOException {
        Path dayOne = write("Journal.json", dayOne(good(1),
                dayOneEntry(2, "2024-04-12T21:48:36Z", ", \"text\": \"ab\\u0000c\""), good(3)));
        Path jrnl = write("journal.json", jrnl(jrnlEntry("a\0b", "2024-04-19", "10:00"),
                jrnlEntry("fine", "2024-04-20", "10:00")));

        assertEquals(dayOne + ": entry 2, line 3: Entry content holds a NUL character at character 3",
                read(dayOne, true, false, true).get(1).problemLine());
        assertEquals(jrnl + ": entry 1, line 2: Entry content holds a NUL character at character 5",
                read(jrnl, false, true).get(0).problemLine());
    }

    @Test
    public void aTextOverAHundredThousandCharactersIsRefused() throws IOException {
        Path file = write("Journal.json", dayOne(good(1),
                dayOneEntry(2, "2024-04-12T21:48:36Z", ", \"text\": \"" + "x".repeat(100_001) + "\"")));

        assertEquals(file + ": entry 2, line 3: Entry content has 100001 characters; at most 100000 are allowed",
                read(file, true, false).get(1).problemLine());
    }

    @Test
    public void aBadDateIsRefusedInEveryFormat() throws IOException {
        Path dayOne = write("Journal.json", dayOne(good(1),
                dayOneEntry(2, "2024-02-30T21:48:36Z", ", \"text\": \"Leap\""), good(3)));
        Path jrnl = write("journal.json", jrnl(jrnlEntry("body", "2024-13-01", "10:00"),
                jrnlEntry("body", "2024-04-20", "10:00")));
        Path note = write("vault/2023-02-29.md", "Not a leap year.");
        write("vault/2024-02-29.md", "A leap year.");

        assertEquals(dayOne + ": entry 2, line 3: Entry time \"2024-02-30T21:48:36Z" + BAD_TIME,
                read(dayOne, true, false, true).get(1).problemLine());
        assertEquals(jrnl + ": entry 1, line 2: Entry time \"2024-13-01T10:00" + BAD_TIME,
                read(jrnl, false, true).get(0).problemLine());
        assertEquals(note + ": Entry time \"2023-02-29" + BAD_TIME,
                read(note.getParent(), false, true).get(0).problemLine());
    }

    @Test
    public void invalidUtf8InOneJsonEntryCostsOnlyThatEntry() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(dayOne(good(1), dayOneEntry(2, "2024-04-12T21:48:36Z", ", \"text\": \"caf")).split("\n]}")[0]
                .getBytes(StandardCharsets.UTF_8));
        int offset = bytes.size();
        bytes.writeBytes(new byte[] {(byte) 0xE9, 0x20, (byte) 0xC3, 0x28});
        bytes.writeBytes(("\"},\n" + good(3) + "\n]}\n").getBytes(StandardCharsets.UTF_8));
        Path file = write("Journal.json", bytes.toByteArray());

        List<ImportRecord> records = read(file, true, false, true);
        assertEquals(file + ": entry 2, line 3: invalid UTF-8 at byte " + offset, records.get(1).problemLine());
        assertEquals("Entry 3.", records.get(2).draft().content());
    }

    @Test
    public void aCutJsonFileKeepsTheEntriesBeforeTheCut() throws IOException {
        String whole = dayOne(good(1), good(2), good(3));
        String cut = whole.substring(0, whole.indexOf("Entry 3"));
        Path file = write("Journal.json", cut);

        List<ImportRecord> records = read(file, true, true, false);
        int column = cut.length() - cut.lastIndexOf('\n'); // the column just past the last character
        assertEquals(file + ": entry 3, line 4: truncated at line 4, column " + column, records.get(2).problemLine());
    }

    @Test
    public void aJsonFileCutBetweenEntriesLosesNoEntry() throws IOException {
        String whole = jrnl(jrnlEntry("one", "2024-04-19", "10:00"), jrnlEntry("two", "2024-04-19", "11:00"));
        String cut = whole.substring(0, whole.indexOf("\n]}"));
        Path file = write("journal.json", cut);

        List<ImportRecord> records = read(file, true, true, false);
        int column = cut.length() - cut.lastIndexOf('\n');
        assertEquals(file + ": truncated at line 3, column " + column, records.get(2).problemLine());
        assertEquals("jrnl-2024-04-19-2", records.get(1).draft().id());
    }

    @Test
    public void theCorpusCutInHalfKeepsItsFirstHalf() throws IOException {
        byte[] whole = Files.readAllBytes(Corpus.dev().resolve("jrnl/journal.json"));
        Path file = write("journal.json", Arrays.copyOf(whole, whole.length / 2));

        List<ImportRecord> records = Importers.named("jrnl").read(file, "test");
        ImportRecord last = records.get(records.size() - 1);
        assertEquals(records.size() - 1, records.stream().filter(record -> !record.hasProblem()).count());
        assertFalse(records.size() < 15);
        assertEquals("truncated at line", last.problem().substring(0, "truncated at line".length()));
    }

    @Test
    public void anObsidianNoteThatIsNotUtf8IsRefusedWithItsLine() throws IOException {
        write("vault/2024-04-19.md", "---\ntags: [a]\n---\n\nFine.\n");
        byte[] windows1252 = "---\ntags: [a]\n---\n\nFine line.\nCaf\u00e9 au lait.\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        Path bad = write("vault/sub/2024-04-20.md", windows1252);
        int offset = "---\ntags: [a]\n---\n\nFine line.\nCaf".length();

        List<ImportRecord> records = read(bad.getParent().getParent(), true, false);
        assertEquals(bad + ": line 6: invalid UTF-8 at byte " + offset, records.get(1).problemLine());
    }
}
