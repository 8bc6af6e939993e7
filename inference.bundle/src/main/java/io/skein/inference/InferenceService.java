package io.skein.inference;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Extracts entities from text with the configured backend, and owns the model's lifecycle: the
 * model is loaded on the first extraction that needs it, kept while runnable work for it exists in
 * the {@value #QUEUE} queue, and unloaded when that work is gone and the idle time has passed, at
 * once when inference is switched off, and when the bundle stops.
 *
 * <p>The on/off switch is kept in the broker, so every host sees it and it survives restarts. Off
 * pauses the {@value #QUEUE} queue: nothing runs, nothing fails, nothing is lost.
 */
@ProviderType
public interface InferenceService {

    /** The queue whose jobs need the model. */
    String QUEUE = "inference";

    /**
     * Extracts the entities of {@code text}, loading the model first if needed (once, however many
     * callers ask at the same moment).
     *
     * @throws InferenceException when the backend fails; {@link InferenceException#isTransient()}
     *         says whether trying again later may help
     * @throws IllegalStateException when inference is switched off
     */
    List<Entity> extract(String text) throws InferenceException;

    /** Whether inference is switched on (on every host). */
    boolean isEnabled();

    /** Switches inference on or off on every host; off unloads the model and pauses the queue. */
    void setEnabled(boolean enabled);

    /** The model's state on this host. */
    ModelState state();
}
