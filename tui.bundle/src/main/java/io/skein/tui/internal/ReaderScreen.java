package io.skein.tui.internal;

import io.skein.journal.Entry;
import io.skein.journal.GraphStore;
import io.skein.journal.GraphStore.GraphEntity;
import io.skein.journal.GraphStore.Mention;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/**
 * One entry, its text on the left with the names of the entities found in it marked, and the
 * entities themselves on the right. The list fills in as the graph modules finish.
 */
final class ReaderScreen implements Screen {

    private final String journal;
    private final String id;
    private Entry entry;
    private Map<String, String> progress = Map.of();
    private List<GraphEntity> entities = List.of();
    private int selected;
    private int scroll;
    private int height = 20;

    ReaderScreen(String journal, String id) {
        this.journal = journal;
        this.id = id;
    }

    @Override
    public String title(Tui tui) {
        return entry == null ? "Entry " + id : HomeScreen.WHEN.format(entry.time()) + " · " + entry.title();
    }

    @Override
    public String hints() {
        return "↑↓ entity  Enter open  PgDn scroll  e edit  Esc back";
    }

    @Override
    public void load(Tui tui) throws Exception {
        entry = tui.services.journal().get(journal, id).orElse(null);
        if (entry == null) {
            entities = List.of();
            progress = Map.of();
            return;
        }
        progress = tui.services.journal().progress(journal, id);
        GraphStore graph = tui.services.graph();
        Set<String> ids = new LinkedHashSet<>();
        for (Mention mention : graph.mentionsIn(journal, id)) {
            ids.add(mention.entityId());
        }
        List<GraphEntity> found = new ArrayList<>();
        for (String entityId : ids) {
            graph.entity(journal, entityId).ifPresent(found::add);
        }
        found.sort(Comparator.comparing((GraphEntity e) -> e.type().ordinal()).thenComparing(GraphEntity::name));
        entities = found;
        selected = Math.max(0, Math.min(selected, entities.size() - 1));
    }

    @Override
    public List<AttributedString> render(Tui tui, int width, int height) {
        this.height = height;
        List<AttributedString> lines = new ArrayList<>();
        if (entry == null) {
            lines.add(new AttributedString("This entry no longer exists."));
            return lines;
        }
        int side = Math.max(22, Math.min(34, width / 3));
        int textWidth = Math.max(10, width - side - 3);
        List<AttributedString> left = new ArrayList<>();
        left.add(Text.styled("processing: " + describe(progress), tui.style().faint()));
        left.add(AttributedString.EMPTY);
        left.addAll(Text.wrap(marked(tui), textWidth));
        scroll = Math.max(0, Math.min(scroll, Math.max(0, left.size() - height)));
        List<AttributedString> right = sidebar(tui);
        for (int row = 0; row < height; row++) {
            int l = row == 0 || row == 1 ? row : row + scroll;
            AttributedStringBuilder line = new AttributedStringBuilder();
            line.append(Text.pad(l < left.size() ? left.get(l) : AttributedString.EMPTY, textWidth));
            line.append(" | ");
            line.append(row < right.size() ? right.get(row) : AttributedString.EMPTY);
            lines.add(line.toAttributedString());
        }
        return lines;
    }

    private static String describe(Map<String, String> progress) {
        if (progress.isEmpty()) {
            return "no graph module has work for this entry";
        }
        return progress.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** The text with every name and alias of the entry's entities in the entity style. */
    private AttributedString marked(Tui tui) {
        AttributedStringBuilder text = new AttributedStringBuilder().append(Text.printable(entry.content()));
        List<String> names = new ArrayList<>();
        for (GraphEntity entity : entities) {
            if (!entity.name().equals(GraphStore.AUTHOR)) {
                names.add(entity.name());
                names.addAll(entity.aliases());
            }
        }
        if (!names.isEmpty()) {
            names.sort(Comparator.comparing(String::length).reversed());
            String alternatives = names.stream().map(ReaderScreen::namePattern).collect(Collectors.joining("|"));
            text.styleMatches(Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])"),
                    tui.style().entity());
        }
        return text.toAttributedString();
    }

    /** A name whose words may be separated by any blanks, a no-break space too. */
    private static String namePattern(String name) {
        return Arrays.stream(name.trim().split("[\\s\u00a0]+")).map(Pattern::quote)
                .collect(Collectors.joining("[\\s\u00a0]+"));
    }

    private List<AttributedString> sidebar(Tui tui) {
        List<AttributedString> right = new ArrayList<>();
        right.add(Text.styled("Entities (" + entities.size() + ")", tui.style().heading()));
        if (entities.isEmpty()) {
            right.add(Text.styled(progress.values().stream().allMatch("done"::equals) ? "none found"
                    : "extraction not done yet", tui.style().faint()));
        }
        for (int i = 0; i < entities.size(); i++) {
            GraphEntity entity = entities.get(i);
            String type = entity.type().name().toLowerCase(Locale.ROOT);
            String label = String.format("%-8.8s %s", type.equals("organization") ? "org" : type, entity.name());
            right.add(Text.styled(label, i == selected ? tui.style().selected() : tui.style().plain()));
        }
        return right;
    }

    @Override
    public boolean key(Tui tui, Key key, String typed) throws Exception {
        switch (key) {
            case UP -> selected = Math.max(0, selected - 1);
            case DOWN -> selected = Math.max(0, Math.min(entities.size() - 1, selected + 1));
            case ENTER, RIGHT -> {
                if (!entities.isEmpty()) {
                    tui.open(new EntityScreen(journal, entities.get(selected).id()));
                }
            }
            case PAGE_DOWN -> scroll += height - 3;
            case PAGE_UP -> scroll = Math.max(0, scroll - (height - 3));
            case LEFT -> tui.back();
            case CHAR -> {
                return typed(tui, typed);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private boolean typed(Tui tui, String typed) {
        switch (typed) {
            case "k" -> selected = Math.max(0, selected - 1);
            case "j" -> selected = Math.max(0, Math.min(entities.size() - 1, selected + 1));
            case " " -> scroll += height - 3;
            case "e" -> {
                if (entry != null) {
                    tui.open(EditorScreen.edit(entry));
                }
            }
            case "d" -> {
                if (entry != null) {
                    HomeScreen.delete(tui, entry);
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }
}
