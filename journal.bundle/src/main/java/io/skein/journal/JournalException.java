package io.skein.journal;

/** Input the journal refuses, or an entry that is not there; the message says what and where. */
public class JournalException extends Exception {

    private static final long serialVersionUID = 1L;

    public JournalException(String message) {
        super(message);
    }

    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
