package io.skein.queue;

/**
 * Thrown by a handler for a failure that retrying cannot cure (a payload it cannot read, say):
 * the job is dead-lettered at once with this message, whatever the retry policy.
 */
public class PermanentFailure extends Exception {

    private static final long serialVersionUID = 1L;

    public PermanentFailure(String message) {
        super(message);
    }

    public PermanentFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
