package io.skein.inference;

import java.time.Instant;

/**
 * The model on this host.
 *
 * @param status where it is in its life
 * @param backend the backend's name and model, e.g. {@code openai(llama3.2 at http://127.0.0.1:8080/v1)}
 * @param memoryBytes memory the model holds in this process (0 when unloaded, or held elsewhere)
 * @param lastLoaded when it last finished loading, or {@code null}
 * @param lastUnloadReason why it last unloaded (idle, switched off, stopping), or {@code null}
 * @param enabled whether inference is switched on
 */
public record ModelState(Status status, String backend, long memoryBytes, Instant lastLoaded,
        String lastUnloadReason, boolean enabled) {

    /** Where the model is in its life. */
    public enum Status {
        UNLOADED,
        LOADING,
        LOADED,
        UNLOADING
    }
}
