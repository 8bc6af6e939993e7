package io.skein.module.entities;

import io.skein.inference.EntityType;
import io.skein.journal.GraphStore.GraphEntity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Decides whether a name found in an entry is an entity the journal already knows.
 *
 * <p>People: the same name without titles is the same person ("Mr. Pepys", "Pepys"); so is the same
 * surname when the given names agree or one side has none ("Sam Pepys", "Samuel Pepys", "S.
 * Pepys") — unless several known people share that surname, then a bare surname is not merged.
 * Different given names ("W. Penn", "John Penn") are different people. Spelling variants of a whole
 * name count as the same when Jaro-Winkler similarity (Apache Commons Text) reaches 0.94. Other
 * types: the same name, case aside, or a Jaro-Winkler similarity of 0.95.
 */
final class Resolver {

    private static final JaroWinklerSimilarity SIMILARITY = new JaroWinklerSimilarity();
    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "miss", "sir", "lady", "lord", "dr",
            "doctor", "captain", "capt", "captn", "col", "colonel", "major", "mistress", "master", "madam", "rev",
            "uncle", "aunt", "king", "queen", "prince", "princess", "duke", "earl", "admiral", "general");

    private Resolver() {
    }

    /** The known entity this name stands for, if any. */
    static Optional<GraphEntity> resolve(String name, EntityType type, List<GraphEntity> known) {
        List<GraphEntity> sameType = known.stream().filter(e -> e.type() == type).toList();
        for (GraphEntity entity : sameType) {
            if (names(entity).stream().anyMatch(n -> normal(n).equals(normal(name)))) {
                return Optional.of(entity);
            }
        }
        return type == EntityType.PERSON ? person(name, sameType) : similar(name, sameType, 0.95);
    }

    private static Optional<GraphEntity> person(String name, List<GraphEntity> people) {
        List<String> core = core(name);
        if (core.isEmpty()) {
            return Optional.empty();
        }
        String surname = core.get(core.size() - 1);
        List<GraphEntity> sharing = new ArrayList<>();
        for (GraphEntity person : people) {
            if (names(person).stream().map(Resolver::core).anyMatch(other -> !other.isEmpty()
                    && other.get(other.size() - 1).equals(surname))) {
                sharing.add(person);
            }
        }
        List<GraphEntity> compatible = sharing.stream().filter(p -> names(p).stream()
                .map(Resolver::core).anyMatch(other -> givenNamesAgree(core, other))).toList();
        boolean bare = core.size() == 1;
        if (compatible.size() == 1 && (!bare || sharing.size() == 1)) {
            return Optional.of(compatible.get(0));
        }
        return compatible.isEmpty() && sharing.isEmpty() ? similar(String.join(" ", core), people, 0.94)
                : Optional.empty();
    }

    private static boolean givenNamesAgree(List<String> a, List<String> b) {
        if (!a.get(a.size() - 1).equals(b.get(b.size() - 1))) {
            return false;
        }
        if (a.size() == 1 || b.size() == 1) {
            return true;
        }
        return a.get(0).charAt(0) == b.get(0).charAt(0);
    }

    private static Optional<GraphEntity> similar(String name, List<GraphEntity> candidates, double threshold) {
        GraphEntity best = null;
        double bestScore = threshold;
        for (GraphEntity candidate : candidates) {
            for (String known : names(candidate)) {
                double score = SIMILARITY.apply(normal(known), normal(name));
                if (score >= bestScore) {
                    best = candidate;
                    bestScore = score;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static List<String> names(GraphEntity entity) {
        List<String> names = new ArrayList<>(entity.aliases());
        names.add(entity.name());
        return names;
    }

    static String normal(String name) {
        return name.replaceAll("[\\s\\u00a0\\u2060\\u200a]+", " ").trim().toLowerCase(Locale.ROOT);
    }

    /** The name's words without titles and full stops, lower case: "Sir W. Penn" is [w, penn]. */
    static List<String> core(String name) {
        List<String> words = new ArrayList<>(Arrays.asList(normal(name).replace(".", " ").split(" ")));
        words.removeIf(String::isBlank);
        while (!words.isEmpty() && TITLES.contains(words.get(0))) {
            words.remove(0);
        }
        return words;
    }
}
