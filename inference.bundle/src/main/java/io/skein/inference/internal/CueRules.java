package io.skein.inference.internal;

import io.skein.inference.Entity;
import io.skein.inference.EntityType;
import io.skein.inference.internal.OpenNlpTagger.Sentence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns tagged sentences into entities by the cues around names, in this order per sentence:
 * <ol>
 *   <li>a title followed by names is a Person ("Sir W. Penn", "Mr. Mills");</li>
 *   <li>names ending in a place head ("Paul’s Churchyard") are a Place, in an organisation head
 *       ("Trinity College") an Organization; a name after a preposition of place ("at Whitehall")
 *       is a Place;</li>
 *   <li>any other proper noun inside a sentence is a Person;</li>
 *   <li>a common noun that names an activity ("dinner", "sermon") is an Activity.</li>
 * </ol>
 * Each entity is reported once per text, in its longest form.
 */
final class CueRules {

    private CueRules() {
    }

    static List<Entity> entities(List<Sentence> sentences) {
        Map<String, Entity> found = new LinkedHashMap<>();
        for (Sentence sentence : sentences) {
            new Pass(sentence, found).run();
        }
        return longestForms(found);
    }

    /** One sentence's tokens and which of them are taken by an entity already. */
    private static final class Pass {

        private final Sentence sentence;
        private final List<Token> tokens;
        private final boolean[] used;
        private final Map<String, Entity> found;

        Pass(Sentence sentence, Map<String, Entity> found) {
            this.sentence = sentence;
            this.tokens = sentence.tokens();
            this.used = new boolean[tokens.size()];
            this.found = found;
        }

        void run() {
            titledPersons();
            headsAndPrepositions();
            otherProperNouns();
            activities();
        }

        private Token at(int i) {
            return tokens.get(i);
        }

        private void titledPersons() {
            for (int i = 0; i < tokens.size(); i++) {
                if (used[i] || !at(i).capitalised() || !CueWords.title(at(i).word())) {
                    continue;
                }
                int end = i + 1;
                while (end < tokens.size() && at(end).capitalised() && CueWords.title(at(end).word())) {
                    end++;
                }
                int name = end;
                while (name < tokens.size() && !used[name] && at(name).namelike() && !CueWords.title(at(name).word())) {
                    name++;
                }
                if (name > end) {
                    emit(i, name, EntityType.PERSON);
                }
            }
        }

        private void headsAndPrepositions() {
            for (int i = 0; i < tokens.size(); i++) {
                if (used[i] || !at(i).namelike()) {
                    continue;
                }
                int end = i;
                while (end < tokens.size() && !used[end] && (at(end).namelike() || at(end).possessive()
                        && end + 1 < tokens.size() && at(end + 1).namelike())) {
                    end++;
                }
                EntityType type = typeByCue(i, end);
                if (type != null) {
                    emit(i, end, type);
                    i = end - 1;
                }
            }
        }

        private EntityType typeByCue(int start, int end) {
            String last = at(end - 1).word();
            if (end - start > 1 && CueWords.in(CueWords.PLACE_HEADS, last)) {
                return EntityType.PLACE;
            }
            boolean loneOffice = end - start == 1 && last.equalsIgnoreCase("office");
            if (CueWords.in(CueWords.ORGANIZATION_HEADS, last) && !loneOffice) {
                return EntityType.ORGANIZATION;
            }
            boolean owner = end < tokens.size() && at(end).possessive();
            if (start > 0 && afterPlacePreposition(start) && !CueWords.title(at(start).word())
                    && !CueWords.activity(at(start).word()) && !owner) {
                return EntityType.PLACE;
            }
            return null;
        }

        private boolean afterPlacePreposition(int start) {
            int before = start - 1;
            if (at(before).word().equalsIgnoreCase("the") && before > 0) {
                before--;
            }
            return CueWords.in(CueWords.PLACE_PREPOSITIONS, at(before).word());
        }

        private void otherProperNouns() {
            for (int i = 1; i < tokens.size(); i++) {
                Token token = at(i);
                if (used[i] || !token.properNoun() || !token.capitalised() || token.word().length() < 2
                        || startsClause(i) || CueWords.title(token.word())
                        || CueWords.in(CueWords.NOT_NAMES, token.word())
                        || CueWords.activity(token.word()) || at(i - 1).word().equalsIgnoreCase("the")
                        || at(i - 1).word().equalsIgnoreCase("my")) {
                    continue;
                }
                int end = i;
                while (end < tokens.size() && !used[end] && at(end).properNoun() && at(end).capitalised()) {
                    end++;
                }
                emit(i, end, EntityType.PERSON);
                i = end - 1;
            }
        }

        private boolean startsClause(int i) {
            String previous = at(i - 1).word();
            return previous.equals(".") || previous.equals(";") || previous.equals(":") || previous.equals("(")
                    || previous.equalsIgnoreCase("to") || previous.equalsIgnoreCase("at");
        }

        private void activities() {
            for (int i = 0; i < tokens.size(); i++) {
                Token token = at(i);
                if (used[i] || !token.noun() || token.capitalised() && i > 0 && !startsClause(i)) {
                    continue;
                }
                if (CueWords.activity(token.word())) {
                    add(token.word().toLowerCase(java.util.Locale.ROOT), EntityType.ACTIVITY);
                }
            }
        }

        /** Records tokens [start, end) as an entity, trimmed of articles and possessives, with its titles. */
        private void emit(int start, int end, EntityType type) {
            while (start < end && (at(start).word().equalsIgnoreCase("the") || at(start).word().equalsIgnoreCase("my")
                    || at(start).possessive())) {
                start++;
            }
            while (end > start && (at(end - 1).possessive() || at(end - 1).word().equals(","))) {
                end--;
            }
            if (type == EntityType.PERSON) {
                while (start > 0 && at(start - 1).capitalised() && (CueWords.title(at(start - 1).word())
                        || at(start - 1).word().matches("\\p{Lu}[a-z]{0,3}\\."))) {
                    start--;
                }
                while (start < end && CueWords.in(CueWords.DROPPED_KIN, at(start).word())) {
                    start++;
                }
                if (onlyTitles(start, end) || keptKin(start, end)) {
                    markUsed(start, end);
                    return;
                }
            }
            if (start >= end) {
                return;
            }
            String name = join(start, end);
            boolean named = Character.isUpperCase(name.charAt(0));
            if (!named && type != EntityType.PERSON || type != EntityType.PERSON && CueWords.activity(name)) {
                return;
            }
            markUsed(start, end);
            if (end < tokens.size() && at(end).possessive()) {
                used[end] = true;
            }
            add(name, type);
        }

        /** "my Lord", "the Queen": a role, not a name. */
        private boolean onlyTitles(int start, int end) {
            for (int i = start; i < end; i++) {
                if (!CueWords.title(at(i).word())) {
                    return false;
                }
            }
            return true;
        }

        /** "uncle Wight" (and "uncle and aunt Wight") keep the kinship word with the name. */
        private boolean keptKin(int start, int end) {
            if (start == 0 || CueWords.title(at(start).word()) || !CueWords.KEPT_KIN.contains(at(start - 1).word())) {
                return false;
            }
            String name = join(start, end);
            add(at(start - 1).word() + " " + name, EntityType.PERSON);
            if (start > 2 && at(start - 2).word().equals("and") && CueWords.KEPT_KIN.contains(at(start - 3).word())) {
                add(at(start - 3).word() + " " + name, EntityType.PERSON);
            }
            return true;
        }

        private void markUsed(int start, int end) {
            for (int i = start; i < end; i++) {
                used[i] = true;
            }
        }

        private String join(int start, int end) {
            StringBuilder name = new StringBuilder();
            for (int i = start; i < end; i++) {
                String word = at(i).word();
                boolean glued = at(i).possessive() || word.equals("-") || i > start && at(i - 1).word().equals("-");
                if (name.length() > 0 && !glued) {
                    name.append(' ');
                }
                name.append(word);
            }
            return name.toString();
        }

        private void add(String name, EntityType type) {
            found.putIfAbsent(name, new Entity(name, type, sentence.text(), Double.NaN));
        }
    }

    /** Drops a name that stands, as whole words, inside a longer name of the same type ("Penn" in "Sir W. Penn"). */
    private static List<Entity> longestForms(Map<String, Entity> found) {
        List<Entity> result = new ArrayList<>();
        for (Entity entity : found.values()) {
            boolean inside = entity.type() != EntityType.ACTIVITY && found.values().stream().anyMatch(other ->
                    other != entity && other.type() == entity.type()
                            && (" " + other.name() + " ").contains(" " + entity.name() + " "));
            if (!inside) {
                result.add(entity);
            }
        }
        return result;
    }
}
