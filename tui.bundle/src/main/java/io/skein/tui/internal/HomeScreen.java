package io.skein.tui.internal;

import io.skein.journal.Entry;
import io.skein.journal.GraphStore.GraphEntity;
import io.skein.journal.JournalService;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/**
 * A journal's entries, newest first, one line each with its processing mark. Entries are fetched a
 * page at a time (more as the selection nears the end) and marks only for the rows on screen, so a
 * journal of thousands of entries opens as fast as a small one.
 */
final class HomeScreen implements Screen {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int PAGE = 100;

    private List<Entry> entries = List.of();
    private final Map<String, String> marks = new HashMap<>();
    private boolean more;
    private int wanted = PAGE;
    private int selected;
    private int top;
    private int height = 20;

    @Override
    public String title(Tui tui) {
        return "Skein · " + tui.journal() + " · " + entries.size() + (more ? "+" : "") + " entries";
    }

    @Override
    public String hints() {
        return "n new  e edit  / find  w work";
    }

    @Override
    public void load(Tui tui) throws Exception {
        JournalService journal = tui.services.journal();
        List<Entry> page = journal.list(tui.journal(), null, null, wanted + 1);
        more = page.size() > wanted;
        entries = more ? page.subList(0, wanted) : page;
        String focus = tui.takeFocus();
        for (int i = 0; focus != null && i < entries.size(); i++) {
            if (entries.get(i).id().equals(focus)) {
                selected = i;
            }
        }
        selected = Math.max(0, Math.min(selected, entries.size() - 1));
        marks.clear();
        loadMarks(tui);
    }

    /** Marks of the rows on screen that have none yet. */
    private void loadMarks(Tui tui) throws Exception {
        scrollToSelection();
        JournalService journal = tui.services.journal();
        for (int row = top; row < Math.min(entries.size(), top + height); row++) {
            Entry entry = entries.get(row);
            if (!marks.containsKey(entry.id())) {
                marks.put(entry.id(), Marks.of(journal.progress(entry.journal(), entry.id())));
            }
        }
    }

    private void scrollToSelection() {
        if (selected < top) {
            top = selected;
        } else if (selected >= top + height) {
            top = selected - height + 1;
        }
    }

    @Override
    public List<AttributedString> render(Tui tui, int width, int height) {
        this.height = height;
        scrollToSelection();
        List<AttributedString> lines = new ArrayList<>();
        if (entries.isEmpty()) {
            lines.add(Text.styled("No entries in journal " + tui.journal() + " yet.", tui.style().heading()));
            lines.add(AttributedString.EMPTY);
            lines.add(new AttributedString("Press n to write one, : to run a command (journal:import PATH),"));
            lines.add(new AttributedString("or J to switch journals. ./skein import PATH imports from a shell."));
            return lines;
        }
        int markWidth = 4;
        for (int row = top; row < Math.min(entries.size(), top + height); row++) {
            markWidth = Math.max(markWidth, marks.getOrDefault(entries.get(row).id(), "").length());
        }
        int titleWidth = Math.max(8, width - 2 - 16 - 2 - 2 - markWidth);
        for (int row = top; row < Math.min(entries.size(), top + height); row++) {
            Entry entry = entries.get(row);
            String mark = marks.getOrDefault(entry.id(), "");
            boolean chosen = row == selected;
            AttributedStringBuilder line = new AttributedStringBuilder();
            line.style(chosen ? tui.style().selected() : tui.style().plain());
            line.append(chosen ? "> " : "  ").append(WHEN.format(entry.time())).append("  ");
            line.append(Text.pad(entry.title(), titleWidth)).append("  ");
            line.append(Text.styled(mark, tui.style().mark(mark)));
            lines.add(line.toAttributedString());
        }
        return lines;
    }

    @Override
    public boolean key(Tui tui, Key key, String typed) throws Exception {
        switch (key) {
            case UP -> move(tui, -1);
            case DOWN -> move(tui, 1);
            case PAGE_UP -> move(tui, -height);
            case PAGE_DOWN -> move(tui, height);
            case HOME -> move(tui, -selected);
            case END -> move(tui, entries.size());
            case ENTER, RIGHT -> {
                if (!entries.isEmpty()) {
                    Entry entry = entries.get(selected);
                    tui.open(new ReaderScreen(entry.journal(), entry.id()));
                }
            }
            case CHAR -> {
                return typed(tui, typed);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private boolean typed(Tui tui, String typed) throws Exception {
        switch (typed) {
            case "k" -> move(tui, -1);
            case "j" -> move(tui, 1);
            case "g" -> move(tui, -selected);
            case "G" -> move(tui, entries.size());
            case "n" -> tui.open(EditorScreen.write(tui.journal()));
            case "e" -> {
                if (!entries.isEmpty()) {
                    tui.open(EditorScreen.edit(entries.get(selected)));
                }
            }
            case "d" -> {
                if (!entries.isEmpty()) {
                    delete(tui, entries.get(selected));
                }
            }
            case "/" -> tui.ask("find entity: ", name -> findEntity(tui, name));
            case "J" -> nextJournal(tui);
            case "r" -> load(tui);
            default -> {
                return false;
            }
        }
        return true;
    }

    private void move(Tui tui, int rows) throws Exception {
        if (entries.isEmpty()) {
            return;
        }
        int target = selected + rows;
        if (target >= entries.size() - 1 && more) {
            wanted = Math.max(wanted + PAGE, target + PAGE);
            load(tui);
        }
        selected = Math.max(0, Math.min(target, entries.size() - 1));
        loadMarks(tui);
    }

    static void delete(Tui tui, Entry entry) {
        tui.confirm("Delete the entry of " + WHEN.format(entry.time()) + " \"" + entry.title() + "\"?", () -> {
            tui.services.journal().delete(entry.journal(), entry.id());
            tui.home();
            tui.say("Deleted the entry of " + WHEN.format(entry.time()) + "; its mentions are gone from the graph.");
        });
    }

    static void findEntity(Tui tui, String name) {
        List<GraphEntity> found = tui.services.graph().search(tui.journal(), name, 1);
        if (found.isEmpty()) {
            tui.fail("No entity like \"" + name + "\" in journal " + tui.journal() + ".");
        } else {
            tui.open(new EntityScreen(tui.journal(), found.get(0).id()));
        }
    }

    private void nextJournal(Tui tui) throws Exception {
        List<String> journals = new ArrayList<>(tui.services.journal().journals());
        if (!journals.contains(tui.journal())) {
            journals.add(tui.journal());
            journals.sort(null);
        }
        String next = journals.get((journals.indexOf(tui.journal()) + 1) % journals.size());
        tui.journal(next);
        selected = 0;
        top = 0;
        wanted = PAGE;
        load(tui);
        tui.say("Journal " + next + (journals.size() == 1 ? " (the only one)" : ""));
    }
}
