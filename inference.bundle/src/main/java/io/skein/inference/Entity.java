package io.skein.inference;

import java.util.Objects;

/**
 * An entity found in a text.
 *
 * @param name the entity as written, whitespace collapsed
 * @param type its kind
 * @param sentence the sentence it was found in
 * @param confidence the backend's confidence in [0, 1], or {@code NaN} when it has none
 */
public record Entity(String name, EntityType type, String sentence, double confidence) {

    /** Checks the required parts. */
    public Entity {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sentence, "sentence");
        if (name.isBlank()) {
            throw new IllegalArgumentException("an entity needs a name");
        }
    }
}
