package io.skein.journal.internal;

import io.skein.journal.EntryDraft;
import io.skein.journal.JournalException;
import io.skein.journal.JournalService;

/**
 * The journal's rules applied to a whole draft, for the parts of this bundle outside this package
 * (the importers): an import then names exactly what {@link JournalService#save} would refuse, in
 * the same words, before anything is saved.
 */
public final class DraftRules {

    private DraftRules() {
    }

    /**
     * The first rule the draft breaks, or {@code null} when it would be saved. A draft without an
     * id or a time is judged as {@link JournalService#save} judges it (a new id, the time now).
     */
    public static String problem(EntryDraft draft) {
        try {
            Validation.journal(draft.journal());
            if (draft.id() != null) {
                Validation.id(draft.id());
            }
            Validation.content(draft.content());
            Validation.time(draft.time());
            Validation.tags(draft.tags());
            return null;
        } catch (JournalException e) {
            return e.getMessage();
        }
    }

    /** Checks a journal name before an import starts, so a bad name is one error, not one per entry. */
    public static String journal(String name) {
        try {
            return Validation.journal(name);
        } catch (JournalException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
