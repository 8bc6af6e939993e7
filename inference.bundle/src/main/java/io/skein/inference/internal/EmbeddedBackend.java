package io.skein.inference.internal;

import io.skein.inference.Entity;
import io.skein.inference.InferenceException;

import java.io.IOException;
import java.util.List;

/**
 * In-process and offline: OpenNLP's sentence, token and part-of-speech models (about 6 MB, shipped
 * in this bundle) and the cue rules of {@link CueRules}. Loading reads the models (under a second);
 * unloading drops them for the garbage collector.
 */
final class EmbeddedBackend implements Backend {

    private volatile OpenNlpTagger tagger;
    private volatile long memory;

    @Override
    public String describe() {
        return "embedded(opennlp 1.5 sentence/token/pos models + cue rules)";
    }

    @Override
    public void load() throws InferenceException {
        Runtime runtime = Runtime.getRuntime();
        long before = runtime.totalMemory() - runtime.freeMemory();
        try {
            tagger = new OpenNlpTagger();
        } catch (IOException | RuntimeException e) {
            throw new InferenceException("The embedded model cannot be loaded: " + e.getMessage(), false, null, e);
        }
        memory = Math.max(0, runtime.totalMemory() - runtime.freeMemory() - before);
    }

    @Override
    public List<Entity> extract(String text) {
        OpenNlpTagger current = tagger;
        if (current == null) {
            throw new IllegalStateException("the embedded model is not loaded");
        }
        return CueRules.entities(current.tag(text));
    }

    @Override
    public void unload() {
        tagger = null;
        memory = 0;
    }

    @Override
    public long memoryBytes() {
        return memory;
    }
}
