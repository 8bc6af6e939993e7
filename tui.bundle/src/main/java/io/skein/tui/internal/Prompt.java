package io.skein.tui.internal;

import java.util.List;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/** A one-line question on the message row: a command, a name to find, or yes/no. */
final class Prompt {

    /** What to do with the answer; may throw, the UI shows the failure. */
    interface Answer {
        void accept(String text) throws Exception;
    }

    private final String label;
    private final Answer answer;
    private final boolean yesNo;
    private final List<String> history;
    private final StringBuilder text = new StringBuilder();
    private int cursor;
    private int recalled;

    private Prompt(String label, Answer answer, boolean yesNo, List<String> history) {
        this.label = label;
        this.answer = answer;
        this.yesNo = yesNo;
        this.history = history;
        this.recalled = history.size();
    }

    static Prompt line(String label, List<String> history, Answer answer) {
        return new Prompt(label, answer, false, history);
    }

    static Prompt yesNo(String question, Answer onYes) {
        return new Prompt(question + " (y/n) ", onYes, true, List.of());
    }

    /**
     * Answers a key.
     *
     * @return the answer to run once the prompt closes, null while it stays open, or {@link #CANCEL}
     */
    Runnable key(Key key, String typed, Tui tui) {
        if (yesNo) {
            return key == Key.CHAR && typed.equalsIgnoreCase("y") ? () -> tui.safely(() -> answer.accept("y")) : CANCEL;
        }
        switch (key) {
            case CHAR -> {
                text.insert(cursor, typed);
                cursor += typed.length();
            }
            case BACKSPACE -> {
                if (cursor > 0) {
                    int before = text.offsetByCodePoints(cursor, -1);
                    text.delete(before, cursor);
                    cursor = before;
                }
            }
            case LEFT -> cursor = cursor > 0 ? text.offsetByCodePoints(cursor, -1) : 0;
            case RIGHT -> cursor = cursor < text.length() ? text.offsetByCodePoints(cursor, 1) : cursor;
            case CLEAR -> {
                text.setLength(0);
                cursor = 0;
            }
            case HOME -> cursor = 0;
            case END -> cursor = text.length();
            case UP -> recall(-1);
            case DOWN -> recall(1);
            case ENTER -> {
                String line = text.toString().strip();
                if (line.isEmpty()) {
                    return CANCEL;
                }
                if (history.isEmpty() || !history.get(history.size() - 1).equals(line)) {
                    history.add(line);
                }
                return () -> tui.safely(() -> answer.accept(line));
            }
            case ESCAPE, INTERRUPT -> {
                return CANCEL;
            }
            default -> {
                // other keys mean nothing on a one-line prompt
            }
        }
        return null;
    }

    /** Closes the prompt without an answer. */
    static final Runnable CANCEL = () -> { };

    private void recall(int step) {
        int next = recalled + step;
        if (next < 0 || next > history.size()) {
            return;
        }
        recalled = next;
        text.setLength(0);
        text.append(next == history.size() ? "" : history.get(next));
        cursor = text.length();
    }

    AttributedString render(Style style) {
        return new AttributedStringBuilder().append(label, style.heading()).append(Text.printable(text.toString()))
                .toAttributedString();
    }

    int cursorColumn() {
        return Text.columns(label) + Text.columns(text, 0, cursor);
    }
}
