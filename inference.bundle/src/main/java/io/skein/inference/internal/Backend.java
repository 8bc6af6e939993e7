package io.skein.inference.internal;

import io.skein.inference.Entity;
import io.skein.inference.InferenceException;

import java.util.List;

/** One way of running the model. Calls are serialised by {@link ModelLifecycle}: load, extracts, unload. */
interface Backend {

    /** Name and model, for people; never a secret. */
    String describe();

    /** Makes the model ready; may take seconds. */
    void load() throws InferenceException;

    /** Extracts entities; called only between {@link #load()} and {@link #unload()}, possibly concurrently. */
    List<Entity> extract(String text) throws InferenceException;

    /** Lets go of the model. */
    void unload();

    /** Memory the model holds in this process, as well as the backend can tell. */
    long memoryBytes();
}
