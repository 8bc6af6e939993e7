package io.skein.tui.internal;

import io.skein.journal.Entry;
import io.skein.journal.EntryDraft;

import java.util.ArrayList;
import java.util.List;

import org.jline.utils.AttributedString;

/**
 * Writes a new entry or edits one. Saving writes the entry to the broker and returns at once; the
 * graph modules run in the background, and the reader that opens shows their progress.
 */
final class EditorScreen implements Screen {

    private final String journal;
    private final Entry editing;
    private final String original;
    private final StringBuilder text;
    private int cursor;
    private int scroll;
    private int width = 80;
    private int height = 20;
    private int[] cell = {0, 0};

    private EditorScreen(String journal, Entry editing, String content) {
        this.journal = journal;
        this.editing = editing;
        this.original = content;
        this.text = new StringBuilder(content);
        this.cursor = text.length();
    }

    static EditorScreen write(String journal) {
        return new EditorScreen(journal, null, "");
    }

    static EditorScreen edit(Entry entry) {
        return new EditorScreen(entry.journal(), entry, entry.content());
    }

    @Override
    public String title(Tui tui) {
        return editing == null ? "New entry · " + journal
                : "Editing the entry of " + HomeScreen.WHEN.format(editing.time()) + " · " + journal;
    }

    @Override
    public String hints() {
        return "Ctrl-S save  Esc cancel";
    }

    @Override
    public boolean typing() {
        return true;
    }

    @Override
    public void load(Tui tui) {
        // the text lives here until it is saved
    }

    @Override
    public List<AttributedString> render(Tui tui, int width, int height) {
        this.width = Math.max(10, width - 1);
        this.height = height;
        String shown = Text.printable(text.toString());
        List<int[]> lines = Text.lines(shown, this.width);
        int row = lineOf(lines, cursor);
        cell = new int[] {row, Text.columns(shown, lines.get(row)[0], Math.min(cursor, lines.get(row)[1]))};
        if (row < scroll) {
            scroll = row;
        } else if (row >= scroll + height) {
            scroll = row - height + 1;
        }
        cell[0] -= scroll;
        List<AttributedString> out = new ArrayList<>();
        for (int i = scroll; i < Math.min(lines.size(), scroll + height); i++) {
            out.add(new AttributedString(shown.substring(lines.get(i)[0], lines.get(i)[1])));
        }
        if (text.length() == 0) {
            out.add(0, Text.styled("Write here; the first line is the title.", tui.style().faint()));
            out.remove(1);
        }
        return out;
    }

    /** The last line that starts at or before {@code position}. */
    private static int lineOf(List<int[]> lines, int position) {
        int row = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i)[0] <= position) {
                row = i;
            }
        }
        return row;
    }

    @Override
    public int[] cursor() {
        return cell;
    }

    @Override
    public boolean key(Tui tui, Key key, String typed) throws Exception {
        switch (key) {
            case CHAR -> insert(typed);
            case ENTER -> insert("\n");
            case TAB -> insert("    ");
            case BACKSPACE -> {
                if (cursor > 0) {
                    int before = text.offsetByCodePoints(cursor, -1);
                    text.delete(before, cursor);
                    cursor = before;
                }
            }
            case DELETE -> {
                if (cursor < text.length()) {
                    text.delete(cursor, text.offsetByCodePoints(cursor, 1));
                }
            }
            case LEFT -> cursor = cursor > 0 ? text.offsetByCodePoints(cursor, -1) : 0;
            case RIGHT -> cursor = cursor < text.length() ? text.offsetByCodePoints(cursor, 1) : cursor;
            case UP -> vertical(-1);
            case DOWN -> vertical(1);
            case PAGE_UP -> vertical(-height);
            case PAGE_DOWN -> vertical(height);
            case HOME -> cursor = currentLine()[0];
            case END -> cursor = currentLine()[1];
            case SAVE -> save(tui);
            case ESCAPE, INTERRUPT -> cancel(tui);
            default -> {
                // other keys do nothing in the editor
            }
        }
        return true;
    }

    private void insert(String typed) {
        text.insert(cursor, typed);
        cursor += typed.length();
    }

    private List<int[]> lines() {
        return Text.lines(Text.printable(text.toString()), width);
    }

    private int[] currentLine() {
        List<int[]> lines = lines();
        return lines.get(lineOf(lines, cursor));
    }

    /** Moves the cursor {@code rows} lines up or down, to the same column where the line allows. */
    private void vertical(int rows) {
        List<int[]> lines = lines();
        int row = lineOf(lines, cursor);
        int column = Text.columns(text, lines.get(row)[0], Math.min(cursor, lines.get(row)[1]));
        int target = Math.max(0, Math.min(lines.size() - 1, row + rows));
        int[] line = lines.get(target);
        int position = line[0];
        int reached = 0;
        while (position < line[1]) {
            int columns = Text.columns(text.codePointAt(position));
            if (reached + columns > column) {
                break;
            }
            reached += columns;
            position = text.offsetByCodePoints(position, 1);
        }
        cursor = position;
    }

    private void save(Tui tui) throws Exception {
        Entry saved = editing == null ? tui.services.journal().save(EntryDraft.of(journal, text.toString()))
                : tui.services.journal().edit(journal, editing.id(), text.toString());
        tui.focus(saved.id());
        tui.replace(new ReaderScreen(saved.journal(), saved.id()));
        tui.say((editing == null ? "Saved" : "Saved the edit") + "; the graph follows in the background.");
    }

    private void cancel(Tui tui) {
        if (text.toString().equals(original)) {
            tui.back();
        } else {
            tui.confirm("Discard your changes?", tui::back);
        }
    }
}
