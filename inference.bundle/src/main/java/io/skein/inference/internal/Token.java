package io.skein.inference.internal;

/**
 * A word of a sentence with its Penn Treebank part-of-speech tag.
 *
 * @param word the word as it stands in the text
 * @param pos its tag, e.g. {@code NNP} for a proper noun
 */
record Token(String word, String pos) {

    boolean capitalised() {
        return !word.isEmpty() && Character.isUpperCase(word.charAt(0));
    }

    boolean noun() {
        return pos.startsWith("NN");
    }

    boolean properNoun() {
        return pos.startsWith("NNP");
    }

    /** A proper noun, or a capitalised common noun (the tagger often takes old spellings for those). */
    boolean namelike() {
        return capitalised() && (properNoun() || noun());
    }

    boolean possessive() {
        return word.equals("’s") || word.equals("'s") || word.equals("’") || word.equals("'");
    }
}
