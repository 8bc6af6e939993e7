package io.skein.journal.internal.importers;

import com.fasterxml.jackson.databind.JsonNode;
import io.skein.journal.EntryDraft;
import io.skein.journal.internal.DraftRules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * jrnl's JSON export ({@code jrnl --format json}). jrnl entries carry no id, so the id is
 * {@code jrnl-DATE-N}, N counting the entries of that date in file order from 1: the same file
 * imported again gives the same ids. The text is the title and the body joined by a space (jrnl
 * keeps no trace of the original separator); the time is {@code date} and {@code time}, which jrnl
 * writes without a zone, so it is taken as UTC.
 */
public final class JrnlImporter implements Importer {

    @Override
    public String format() {
        return "jrnl";
    }

    @Override
    public boolean accepts(Path path) {
        if (!Files.isRegularFile(path) || !path.toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            return false;
        }
        try {
            JsonShape shape = JsonShape.of(path);
            boolean emptyJournal = shape.firstEntry() == null && shape.has("tags") && !shape.has("metadata");
            return shape.has("entries") && (emptyJournal || shape.firstEntryHas("title", "body", "date", "time"));
        } catch (IOException unreadable) {
            return false;
        }
    }

    @Override
    public List<ImportRecord> read(Path path, String journal) throws IOException {
        DraftRules.journal(journal);
        Map<String, Integer> perDate = new HashMap<>();
        return JsonEntries.read(path.toString(), Files.readAllBytes(path), item -> draft(item, journal, perDate));
    }

    private static EntryDraft draft(JsonNode item, String journal, Map<String, Integer> perDate) throws Unreadable {
        String date = JsonEntries.text(item, "date");
        if (date == null || date.isBlank()) {
            throw new Unreadable("no date");
        }
        int n = perDate.merge(date, 1, Integer::sum);
        String text = join(JsonEntries.text(item, "title"), JsonEntries.text(item, "body"));
        if (text.isEmpty()) {
            throw new Unreadable("no text");
        }
        String clock = JsonEntries.text(item, "time");
        String time = clock == null || clock.isBlank() ? date : date + "T" + clock;
        return new EntryDraft(journal, "jrnl-" + date + "-" + n, time, text, JsonEntries.strings(item, "tags"));
    }

    /** The entry's text: title and body joined by a space, or whichever of them there is. */
    static String join(String title, String body) {
        String head = title == null ? "" : title.strip();
        String rest = body == null ? "" : body.strip();
        return head.isEmpty() || rest.isEmpty() ? head + rest : head + " " + rest;
    }
}
