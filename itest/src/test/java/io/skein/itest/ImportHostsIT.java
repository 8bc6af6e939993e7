package io.skein.itest;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.rules.TemporaryFolder;

/**
 * {@code ./skein import} as a user runs it: the dev corpus in each format, again without
 * duplicates, and a damaged export whose good records are imported while the bad one is reported.
 */
public class ImportHostsIT {

    private static final Path CORPUS = corpus();

    private final TemporaryFolder temp = new TemporaryFolder(TestRoot.folder());
    private final Processes processes = new Processes();

    @Rule
    public final RuleChain rules = RuleChain.outerRule(temp).around(processes);

    private static Path corpus() {
        for (String candidate : new String[] {System.getProperty("skein.corpus", ""), "../../shared/corpus/dev",
            "../shared/corpus/dev", "/work/shared/corpus/dev"}) {
            if (!candidate.isEmpty() && Files.isDirectory(Path.of(candidate))) {
                return Path.of(candidate).toAbsolutePath().normalize();
            }
        }
        return null;
    }

    private Skein.Result importing(Skein skein, String... args) throws Exception {
        List<String> words = new ArrayList<>(List.of(args));
        return skein.run(words);
    }

    private int entries(Skein skein, String journal) throws Exception {
        String list = skein.execOk("journal:list -j " + journal + " -n 1000");
        return list.startsWith("(no entries") ? 0 : (int) list.lines().count();
    }

    @Test
    public void theDevCorpusImportsFortyEntriesInEachFormatAndAgainWithoutDuplicates() throws Exception {
        org.junit.Assume.assumeTrue("the dev corpus (shared/corpus/dev) is not beside this checkout; set "
                + "-Dskein.corpus=PATH", CORPUS != null);
        Skein skein = new Skein(processes, temp.newFolder("home").toPath());
        String[][] formats = {{"dayone", "dayone/Journal.json"}, {"jrnl", "jrnl/journal.json"},
            {"obsidian", "obsidian"}};
        for (String[] format : formats) {
            Skein.Result first = importing(skein, "import", "--journal", format[0],
                    CORPUS.resolve(format[1]).toString());
            assertEquals(first.toString(), 0, first.exitCode());
            assertThat(first.out(), containsString("imported 40 entries into " + format[0]));
            Skein.Result again = importing(skein, "import", "--journal", format[0],
                    CORPUS.resolve(format[1]).toString());
            assertEquals(again.toString(), 0, again.exitCode());
            assertEquals(format[0] + " holds 40 entries", 40, entries(skein, format[0]));
        }
    }

    @Test
    public void aDamagedRecordIsReportedWithFileAndPositionAndTheOthersAreImported() throws Exception {
        Skein skein = new Skein(processes, temp.newFolder("home").toPath());
        Path export = temp.newFile("journal.json").toPath();
        Files.writeString(export, "{\"tags\": {}, \"entries\": [\n"
                + "{\"title\": \"Good.\", \"body\": \"A walk.\", \"date\": \"1661-01-01\", \"time\": \"21:00\", "
                + "\"tags\": [], \"starred\": false},\n"
                + "{\"title\": \"Bad.\", \"body\": \"Date.\", \"date\": \"1661-13-40\", \"time\": \"21:00\", "
                + "\"tags\": [], \"starred\": false},\n"
                + "{\"title\": \"Also good.\", \"body\": \"Supper.\", \"date\": \"1661-01-03\", \"time\": \"21:00\", "
                + "\"tags\": [], \"starred\": false}\n]}\n", StandardCharsets.UTF_8);

        Skein.Result result = importing(skein, "import", "--journal", "damaged", export.toString());

        assertEquals(result.toString(), 1, result.exitCode());
        assertThat(result.err(), containsString("imported 2 entries into damaged; skipped 1:"));
        assertThat(result.err(), containsString("journal.json: entry 2, line 3: "));
        assertEquals(2, entries(skein, "damaged"));
    }

    @Test
    public void somethingThatIsNoExportIsNamedInTheError() throws Exception {
        Skein skein = new Skein(processes, temp.newFolder("home").toPath());
        Path notes = temp.newFile("notes.txt").toPath();
        Files.writeString(notes, "just text");

        Skein.Result result = importing(skein, "import", notes.toString());

        assertEquals(1, result.exitCode());
        assertThat(result.err(), containsString("Cannot tell the format of " + notes));
    }
}
