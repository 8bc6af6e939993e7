package io.skein.journal.internal.importers;

import io.skein.journal.EntryDraft;

/**
 * What an importer made of one item of an export: a draft ready to save, or the reason it cannot
 * be imported. A problem is about that item only; the items around it are read on.
 *
 * @param file the file as the user named it, or as found in the folder or zip that was named
 * @param position where the item is in the file ({@code "entry 3, line 57"}, {@code "line 4"}), or
 *        {@code ""} when the file as a whole is meant
 * @param draft the entry to save, or {@code null} when the item cannot be imported
 * @param problem why the item cannot be imported, or {@code null} when it can
 */
public record ImportRecord(String file, String position, EntryDraft draft, String problem) {

    /** An item that can be imported as {@code draft}. */
    public static ImportRecord importable(String file, String position, EntryDraft draft) {
        return new ImportRecord(file, position, draft, null);
    }

    /** An item that cannot be imported, and why. */
    public static ImportRecord refused(String file, String position, String problem) {
        return new ImportRecord(file, position, null, problem);
    }

    /** A problem as one line for a person: {@code FILE: POSITION: PROBLEM}, without the position when empty. */
    public static String line(String file, String position, String problem) {
        return position == null || position.isEmpty() ? file + ": " + problem : file + ": " + position + ": " + problem;
    }

    /** Whether this item cannot be imported. */
    public boolean hasProblem() {
        return problem != null;
    }

    /** This record's problem as one line ({@link #line}), or {@code null} when there is none. */
    public String problemLine() {
        return hasProblem() ? line(file, position, problem) : null;
    }
}
