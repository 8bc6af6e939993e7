package io.skein.journal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Saves, edits, deletes and lists journal entries. Every change is written to the broker before
 * the call returns; bad input is refused with a {@link JournalException} that says what is wrong
 * and where, and nothing already saved changes.
 */
@ProviderType
public interface JournalService {

    /** Journal names: 1 to 64 letters, digits, {@code _} or {@code -}. */
    String JOURNAL_NAME = "[A-Za-z0-9_-]{1,64}";

    /** The most characters an entry may hold. */
    int MAX_CONTENT = 100_000;

    /**
     * Saves a new entry, or replaces the entry with the same id in the same journal (imports use
     * their own ids, so importing again changes nothing).
     *
     * @throws JournalException when the draft is not valid
     */
    Entry save(EntryDraft draft) throws JournalException;

    /**
     * Replaces an entry's content, keeping its time and id.
     *
     * @throws JournalException when the content is not valid or no such entry exists
     */
    Entry edit(String journal, String id, String content) throws JournalException;

    /** Deletes an entry; returns whether it existed. */
    boolean delete(String journal, String id) throws JournalException;

    Optional<Entry> get(String journal, String id) throws JournalException;

    /**
     * Entries of a journal whose time is in {@code [from, to)}, newest first.
     *
     * @param from inclusive, or {@code null} for the beginning
     * @param to exclusive, or {@code null} for no end
     * @param limit at most this many
     */
    List<Entry> list(String journal, Instant from, Instant to, int limit) throws JournalException;

    /**
     * Each graph module's state for an entry: waiting, running, done, retrying, dead, parked, or
     * "waiting for QUEUE" while that queue is paused (inference switched off).
     */
    java.util.Map<String, String> progress(String journal, String id) throws JournalException;

    /** The journals that hold entries, sorted by name. */
    List<String> journals();
}
