package io.skein.inference.internal;

import java.util.Locale;
import java.util.Set;

/**
 * The generic English cue words the embedded backend types entities by: titles that precede a
 * person's name, head nouns of places and of organisations, prepositions that lead to places, and
 * nouns that name meals, worship, pastimes, lessons and outings. None of them is a name: they are
 * the evidence around names.
 */
final class CueWords {

    /** Titles kept as part of a person's name. */
    static final Set<String> TITLES = Set.of("sir", "mr.", "mr", "mrs.", "mrs", "ms.", "dr.", "dr", "lady", "lord",
            "madam", "col.", "colonel", "captain", "capt.", "captn.", "major", "lieutenant", "lieut.", "prince",
            "princess", "duke", "earl", "king", "queen", "mistress", "master", "rev.", "father", "uncle", "aunt",
            "sister", "brother", "general", "admiral", "mayor");

    /** Kinship words that are not part of the name ("brother Tom" is Tom). */
    static final Set<String> DROPPED_KIN = Set.of("brother", "sister", "father", "cousin");

    /** Kinship words kept before a surname ("uncle Wight"). */
    static final Set<String> KEPT_KIN = Set.of("uncle", "aunt");

    static final Set<String> PLACE_HEADS = Set.of("street", "hall", "churchyard", "court", "bridge", "abbey", "house",
            "exchange", "tower", "lane", "square", "market", "gate", "yard", "inn", "garden", "gardens", "park", "road",
            "row", "hill", "cathedral", "chapel", "palace", "castle", "theatre", "theater", "fields", "field", "island",
            "river", "wharf", "stairs", "cross");

    static final Set<String> ORGANIZATION_HEADS = Set.of("school", "college", "company", "office", "parliament",
            "council", "society", "committee", "board", "navy", "admiralty", "university", "bank", "commission",
            "guild", "army");

    static final Set<String> PLACE_PREPOSITIONS = Set.of("at", "to", "in", "from", "into", "unto", "towards",
            "toward", "through", "near");

    static final Set<String> ACTIVITIES = Set.of("dinner", "supper", "breakfast", "tea", "meal", "feast", "banquet",
            "lunch", "luncheon", "church", "sermon", "prayers", "service", "mass", "worship", "communion", "music",
            "singing", "dancing", "dance", "play", "plays", "walk", "ride", "fishing", "hunting", "reading", "drinking",
            "cards", "game", "bowls", "concert", "opera", "lesson", "lessons", "sport", "riding", "shooting",
            "skating", "swimming", "picnic", "ball");

    /** Capitalised words that are not names of people. */
    static final Set<String> NOT_NAMES = Set.of("sunday", "monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "january", "february", "march", "april", "may", "june", "july", "august", "september",
            "october", "november", "december", "god", "christmas", "easter", "lent", "i");

    private CueWords() {
    }

    static boolean title(String word) {
        return TITLES.contains(word.toLowerCase(Locale.ROOT));
    }

    static boolean activity(String word) {
        return ACTIVITIES.contains(word.toLowerCase(Locale.ROOT));
    }

    static boolean in(Set<String> words, String word) {
        return words.contains(word.toLowerCase(Locale.ROOT));
    }
}
