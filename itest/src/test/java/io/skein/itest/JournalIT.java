package io.skein.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.skein.journal.Entry;
import io.skein.journal.EntryDraft;
import io.skein.journal.JournalException;
import io.skein.journal.JournalService;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** Entries in the real journal bundle on the real broker. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class JournalIT extends ExamSupport {

    @Before
    public void configure() throws Exception {
        update("skein.broker", Map.of("data.dir", System.getProperty("skein.home")));
    }

    private JournalService journal() throws InterruptedException {
        return service(JournalService.class);
    }

    private static EntryDraft draft(String journal, String id, String time, String content) {
        return new EntryDraft(journal, id, time, content, List.of());
    }

    @Test
    public void savingTheSameIdAgainReplacesAndDoesNotDuplicate() throws Exception {
        JournalService journal = journal();
        journal.save(draft("import-test", "pepys-1660-08-26", "1660-08-26T21:00:00", "Lord’s day. To church."));
        journal.save(draft("import-test", "pepys-1660-08-26", "1660-08-26T21:00:00", "Lord’s day. To church."));

        List<Entry> entries = journal.list("import-test", null, null, 10);
        assertEquals(1, entries.size());
        assertEquals("1660-08-26T21:00Z", entries.get(0).time().toString());
        assertEquals("pepys-1660-08-26", entries.get(0).id());
    }

    @Test
    public void listIsNewestFirstWithinATimeRangeAcrossCenturies() throws Exception {
        JournalService journal = journal();
        journal.save(draft("range", "a", "1660-09-07", "Old."));
        journal.save(draft("range", "b", "1969-12-31T23:59:59Z", "Before the epoch."));
        journal.save(draft("range", "c", "2024-04-19T21:48:36+02:00", "Recent."));

        assertEquals(List.of("c", "b", "a"), journal.list("range", null, null, 10).stream().map(Entry::id).toList());
        assertEquals(List.of("b", "a"), journal.list("range", null, Instant.parse("2000-01-01T00:00:00Z"), 10)
                .stream().map(Entry::id).toList());
        assertEquals(List.of("b"), journal.list("range", Instant.parse("1900-01-01T00:00:00Z"),
                Instant.parse("2000-01-01T00:00:00Z"), 10).stream().map(Entry::id).toList());
    }

    @Test
    public void editKeepsTimeAndIdAndDeleteRemovesTheEntry() throws Exception {
        JournalService journal = journal();
        Entry saved = journal.save(draft("edits", null, "2024-01-02T08:00", "First words."));
        Entry edited = journal.edit("edits", saved.id(), "Better words.");

        assertEquals(saved.time(), edited.time());
        assertEquals("Better words.", journal.get("edits", saved.id()).orElseThrow().content());
        assertTrue(journal.delete("edits", saved.id()));
        assertFalse(journal.get("edits", saved.id()).isPresent());
        assertFalse("deleting twice finds nothing", journal.delete("edits", saved.id()));
        assertFalse("an empty journal is no longer listed", journal.journals().contains("edits"));
    }

    @Test
    public void badInputIsRefusedAndWhatWasSavedStaysAsItWas() throws Exception {
        JournalService journal = journal();
        Entry kept = journal.save(draft("careful", "k1", "2024-05-01", "Kept as it is."));

        assertEquals("Entry content holds a NUL character at character 3", assertThrows(JournalException.class,
                () -> journal.edit("careful", "k1", "ab\0c")).getMessage());
        assertEquals("Entry content is empty", assertThrows(JournalException.class,
                () -> journal.save(draft("careful", "k1", "2024-05-01", " "))).getMessage());
        assertEquals("No entry nope in journal careful", assertThrows(JournalException.class,
                () -> journal.edit("careful", "nope", "text")).getMessage());
        assertEquals(kept, journal.get("careful", "k1").orElseThrow());
    }

    @Test
    public void journalsLiveSideBySide() throws Exception {
        JournalService journal = journal();
        journal.save(draft("work", "same-id", null, "At the office."));
        journal.save(draft("home", "same-id", null, "At home."));

        assertEquals("At the office.", journal.get("work", "same-id").orElseThrow().content());
        assertEquals("At home.", journal.get("home", "same-id").orElseThrow().content());
        assertTrue(journal.journals().containsAll(List.of("home", "work")));
    }
}
