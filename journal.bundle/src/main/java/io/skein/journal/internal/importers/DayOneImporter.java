package io.skein.journal.internal.importers;

import com.fasterxml.jackson.databind.JsonNode;
import io.skein.journal.EntryDraft;
import io.skein.journal.internal.DraftRules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Day One's JSON export: the export zip (each {@code .json} journal in it is read from the zip, nothing
 * is extracted) or one journal's {@code .json}. The entry id is the Day One {@code uuid}, the time its
 * {@code creationDate}, the text its Markdown {@code text} with Day One's backslash escapes undone, and
 * its {@code tags} are kept. Entries with no {@code text} (a photo, audio clip or video alone) are
 * refused.
 */
public final class DayOneImporter implements Importer {

    /** A backslash before an ASCII punctuation mark, which stands for the mark itself. */
    private static final Pattern ESCAPE = Pattern.compile("\\\\(\\p{Punct})");

    @Override
    public String format() {
        return "dayone";
    }

    @Override
    public boolean accepts(Path path) {
        if (!Files.isRegularFile(path)) {
            return false;
        }
        String name = lowerName(path);
        if (name.endsWith(".zip")) {
            return true;
        }
        if (!name.endsWith(".json")) {
            return false;
        }
        try {
            JsonShape shape = JsonShape.of(path);
            return shape.has("metadata", "entries")
                    && (shape.firstEntry() == null || shape.firstEntryHas("uuid", "creationDate"));
        } catch (IOException unreadable) {
            return false;
        }
    }

    @Override
    public List<ImportRecord> read(Path path, String journal) throws IOException {
        DraftRules.journal(journal);
        JsonEntries.Mapper mapper = item -> draft(item, journal);
        if (!lowerName(path).endsWith(".zip")) {
            return JsonEntries.read(path.toString(), Files.readAllBytes(path), mapper);
        }
        try (InputStream in = Files.newInputStream(path)) {
            return readZip(path.toString(), new ZipInputStream(in), mapper);
        }
    }

    private static List<ImportRecord> readZip(String file, ZipInputStream zip, JsonEntries.Mapper mapper)
            throws IOException {
        List<ImportRecord> records = new ArrayList<>();
        boolean found = false;
        for (ZipEntry item = zip.getNextEntry(); item != null; item = zip.getNextEntry()) {
            if (isJournal(item)) {
                found = true;
                records.addAll(JsonEntries.read(file + "!/" + item.getName(), zip.readAllBytes(), mapper));
            }
        }
        if (!found) {
            records.add(ImportRecord.refused(file, "", "no journal (.json file) in the zip"));
        }
        return records;
    }

    /** A journal's .json, not a folder nor the resource-fork copy a Mac adds ({@code __MACOSX/._X.json}). */
    private static boolean isJournal(ZipEntry item) {
        String name = item.getName().toLowerCase(Locale.ROOT);
        String base = name.substring(name.lastIndexOf('/') + 1);
        return !item.isDirectory() && name.endsWith(".json") && !name.startsWith("__macosx/") && !base.startsWith("._");
    }

    private static EntryDraft draft(JsonNode item, String journal) throws Unreadable {
        String uuid = JsonEntries.text(item, "uuid");
        String created = JsonEntries.text(item, "creationDate");
        String text = JsonEntries.text(item, "text");
        if (uuid == null) {
            throw new Unreadable("no uuid");
        }
        if (created == null) {
            throw new Unreadable("no creationDate");
        }
        if (text == null) {
            throw new Unreadable("no text (a media-only entry?)");
        }
        return new EntryDraft(journal, uuid, created, unescape(text), JsonEntries.strings(item, "tags"));
    }

    /** Undoes Day One's Markdown escaping: a backslash followed by an ASCII punctuation mark is that mark. */
    static String unescape(String text) {
        return ESCAPE.matcher(text).replaceAll("$1");
    }

    private static String lowerName(Path path) {
        Path name = path.getFileName();
        return name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    }
}
