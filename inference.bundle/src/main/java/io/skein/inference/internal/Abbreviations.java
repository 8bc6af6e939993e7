package io.skein.inference.internal;

import io.skein.inference.internal.OpenNlpTagger.Sentence;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts back together abbreviations that the sentence detector or the tokenizer cut at their full
 * stop ("Captn." "Cuttle", "Wm." "Batten"): a short capitalised word, a full stop, then a
 * capitalised name.
 */
final class Abbreviations {

    private Abbreviations() {
    }

    static List<Sentence> rejoin(List<Sentence> sentences) {
        List<Sentence> joined = new ArrayList<>();
        for (Sentence sentence : sentences) {
            List<Token> tokens = new ArrayList<>(sentence.tokens());
            if (!joined.isEmpty() && continues(joined.get(joined.size() - 1).tokens(), tokens)) {
                Sentence previous = joined.remove(joined.size() - 1);
                List<Token> merged = new ArrayList<>(previous.tokens());
                Token word = merged.remove(merged.size() - 2);
                merged.set(merged.size() - 1, new Token(word.word() + ".", "NNP"));
                merged.addAll(tokens);
                joined.add(new Sentence(previous.text() + " " + sentence.text(), merged));
                continue;
            }
            joined.add(new Sentence(sentence.text(), tokens));
        }
        for (Sentence sentence : joined) {
            List<Token> tokens = sentence.tokens();
            for (int i = 0; i + 2 < tokens.size(); i++) {
                if (tokens.get(i + 1).word().equals(".") && abbreviation(tokens.get(i).word())
                        && tokens.get(i + 2).capitalised()) {
                    Token word = tokens.remove(i);
                    tokens.set(i, new Token(word.word() + ".", "NNP"));
                }
            }
        }
        return joined;
    }

    private static boolean continues(List<Token> previous, List<Token> next) {
        int n = previous.size();
        return n >= 3 && previous.get(n - 1).word().equals(".") && abbreviation(previous.get(n - 2).word())
                && !next.isEmpty() && next.get(0).capitalised() && next.get(0).properNoun();
    }

    private static boolean abbreviation(String word) {
        if (word.isEmpty() || !Character.isUpperCase(word.charAt(0))) {
            return false;
        }
        return CueWords.title(word + ".") || word.length() <= 4 && !CueWords.title(word) && !word.equals("I");
    }
}
