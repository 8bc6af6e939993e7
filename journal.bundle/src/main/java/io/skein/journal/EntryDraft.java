package io.skein.journal;

import java.util.List;

/**
 * An entry before it is saved, as a person or an importer gives it.
 *
 * @param journal the journal's name
 * @param id the entry's id, or {@code null} for a new one (importers pass their own, e.g. a Day One uuid)
 * @param time ISO-8601: {@code 2024-04-19T21:48:36Z}, with an offset, without a zone (taken as UTC),
 *        or a date alone (midnight UTC); {@code null} for now
 * @param content the text, Markdown allowed
 * @param tags the entry's tags, possibly empty
 */
public record EntryDraft(String journal, String id, String time, String content, List<String> tags) {

    /** A new entry written now. */
    public static EntryDraft of(String journal, String content) {
        return new EntryDraft(journal, null, null, content, List.of());
    }
}
