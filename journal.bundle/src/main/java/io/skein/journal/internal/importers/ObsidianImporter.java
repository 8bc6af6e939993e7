package io.skein.journal.internal.importers;

import io.skein.journal.EntryDraft;
import io.skein.journal.internal.DraftRules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Obsidian daily notes: a folder searched through its subfolders for {@code YYYY-MM-DD.md} notes, or
 * one such note. Each note is one entry: the id is {@code obsidian-DATE}, the time is the date (the
 * file name is the only reliable date; midnight UTC), the text is the body after the optional front
 * matter, and the tags are the front matter's {@code tags}. Files named otherwise are ignored.
 * Nothing enforces UTF-8 in a vault, so a note that is not UTF-8 is refused with the offset and line
 * of its first bad byte.
 */
public final class ObsidianImporter implements Importer {

    private static final Pattern DAILY_NOTE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}\\.md");

    @Override
    public String format() {
        return "obsidian";
    }

    @Override
    public boolean accepts(Path path) {
        try {
            return Files.isDirectory(path) ? !notesUnder(path).isEmpty() : isDailyNote(path);
        } catch (IOException unreadable) {
            return false;
        }
    }

    @Override
    public List<ImportRecord> read(Path path, String journal) throws IOException {
        DraftRules.journal(journal);
        List<ImportRecord> records = new ArrayList<>();
        for (Path note : Files.isDirectory(path) ? notesUnder(path) : List.of(path)) {
            records.add(read(note, note.toString(), journal));
        }
        return records;
    }

    private static ImportRecord read(Path note, String file, String journal) throws IOException {
        if (!isDailyNote(note)) {
            return ImportRecord.refused(file, "", "not a daily note: the name must be YYYY-MM-DD.md");
        }
        byte[] bytes = Files.readAllBytes(note);
        Utf8Text utf8 = Utf8Text.decode(bytes);
        int bad = utf8.firstBadByte();
        if (bad >= 0) {
            return ImportRecord.refused(file, "line " + Utf8Text.lineOf(bytes, bad), "invalid UTF-8 at byte " + bad);
        }
        FrontMatter parts = FrontMatter.split(utf8.text());
        if (parts.body().isEmpty()) {
            return ImportRecord.refused(file, "", "no text");
        }
        String date = note.getFileName().toString().substring(0, "YYYY-MM-DD".length());
        EntryDraft draft = new EntryDraft(journal, "obsidian-" + date, date, parts.body(), parts.tags());
        String problem = DraftRules.problem(draft);
        return problem == null ? ImportRecord.importable(file, "", draft) : ImportRecord.refused(file, "", problem);
    }

    private static List<Path> notesUnder(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(ObsidianImporter::isDailyNote).sorted().toList();
        }
    }

    private static boolean isDailyNote(Path path) {
        Path name = path.getFileName();
        return name != null && DAILY_NOTE.matcher(name.toString()).matches() && Files.isRegularFile(path);
    }
}
