package io.skein.journal.internal.importers;

/** An item of an export that cannot become a draft; the message says why, as the report shows it. */
final class Unreadable extends Exception {

    private static final long serialVersionUID = 1L;

    Unreadable(String message) {
        super(message);
    }
}
