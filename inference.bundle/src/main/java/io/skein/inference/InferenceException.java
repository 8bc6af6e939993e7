package io.skein.inference;

/**
 * The backend failed. A transient failure (connection refused, a timeout, a server error) may heal
 * if tried again later; a permanent one (a request the backend rejects, an answer that breaks the
 * schema even after a repair attempt) will not, and carries the backend's answer when there was one.
 */
public class InferenceException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean transientFailure;
    private final String answer;

    public InferenceException(String message, boolean transientFailure, String answer, Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
        this.answer = answer;
    }

    /** Whether trying again later may help. */
    public boolean isTransient() {
        return transientFailure;
    }

    /** The backend's answer that could not be used, or {@code null}. */
    public String answer() {
        return answer;
    }
}
