package io.skein.tui.internal;

import io.skein.journal.GraphStore;
import io.skein.journal.GraphStore.GraphEntity;
import io.skein.journal.GraphStore.Mention;
import io.skein.journal.GraphStore.Related;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * An entity through time: each mention with its date and the sentence that quotes it, oldest first,
 * and beside them the entities most often mentioned with it. Enter opens the entry of a mention or
 * the page of a related entity; Tab moves between the two lists.
 */
final class EntityScreen implements Screen {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final int RELATED = 12;
    private static final int QUOTE_LINES = 4;

    private final String journal;
    private final String id;
    private GraphEntity entity;
    private List<Mention> mentions = List.of();
    private List<Related> related = List.of();
    private boolean onRelated;
    private int selected;
    private int selectedRelated;
    private final ItemList timeline = new ItemList();
    private int height = 20;

    EntityScreen(String journal, String id) {
        this.journal = journal;
        this.id = id;
    }

    @Override
    public String title(Tui tui) {
        return entity == null ? "Entity " + id
                : entity.name() + " · " + entity.type().name().toLowerCase(Locale.ROOT) + " · " + journal;
    }

    @Override
    public String hints() {
        return "↑↓ move  Tab lists  Enter open  Esc back";
    }

    @Override
    public void load(Tui tui) throws Exception {
        GraphStore graph = tui.services.graph();
        entity = graph.entity(journal, id).orElse(null);
        mentions = entity == null ? List.of() : graph.timeline(journal, id);
        related = entity == null ? List.of() : graph.related(journal, id, RELATED);
        selected = Math.max(0, Math.min(selected, mentions.size() - 1));
        selectedRelated = Math.max(0, Math.min(selectedRelated, related.size() - 1));
    }

    @Override
    public List<AttributedString> render(Tui tui, int width, int height) {
        this.height = height - 2;
        List<AttributedString> lines = new ArrayList<>();
        if (entity == null) {
            lines.add(new AttributedString("This entity is no longer in the graph."));
            return lines;
        }
        String aliases = entity.aliases().isEmpty() ? "" : " · also " + String.join(", ", entity.aliases());
        lines.add(Text.styled(mentions.size() + " mention(s)" + aliases, tui.style().heading()));
        int side = Math.max(22, Math.min(30, width / 3));
        int left = Math.max(20, width - side - 3);
        lines.add(new AttributedStringBuilder()
                .append(Text.pad(Text.styled("Mentions, oldest first", tui.style().heading()), left)).append(" | ")
                .append(Text.styled("Mentioned with", tui.style().heading())).toAttributedString());
        List<AttributedString> shown = timeline.render(mentions.size(), i -> mention(tui, i, left), selected,
                this.height);
        for (int row = 0; row < this.height; row++) {
            AttributedStringBuilder line = new AttributedStringBuilder();
            line.append(Text.pad(row < shown.size() ? shown.get(row) : AttributedString.EMPTY, left)).append(" | ");
            line.append(relatedRow(tui, row));
            lines.add(line.toAttributedString());
        }
        return lines;
    }

    /** A mention: its entry's date, then the quoting sentence, wrapped on up to four lines. */
    private List<AttributedString> mention(Tui tui, int index, int width) {
        Mention mention = mentions.get(index);
        AttributedStyle style = !onRelated && index == selected ? tui.style().selected() : tui.style().plain();
        String sentence = mention.sentence().strip().replaceAll("\\s+", " ");
        List<AttributedString> wrapped = Text.wrap(Text.styled("“" + sentence + "”", style), width - 15);
        int name = nameAt(sentence);
        if (wrapped.size() > QUOTE_LINES && name > (width - 15) * (QUOTE_LINES - 1)) {
            // a long sentence that names the entity late is quoted from a little before the name
            int from = sentence.lastIndexOf(' ', Math.max(0, name - (width - 15)));
            wrapped = Text.wrap(Text.styled("“… " + sentence.substring(Math.max(0, from + 1)) + "”", style),
                    width - 15);
        }
        List<AttributedString> lines = new ArrayList<>();
        for (int i = 0; i < Math.min(QUOTE_LINES, wrapped.size()); i++) {
            String margin = i == 0 ? DAY.format(Instant.ofEpochMilli(mention.entryTime())) + "  " : " ".repeat(12);
            AttributedStringBuilder line = new AttributedStringBuilder().append(margin, style).append(wrapped.get(i));
            if (i == QUOTE_LINES - 1 && wrapped.size() > QUOTE_LINES) {
                line.append(" …”", style);
            }
            lines.add(line.toAttributedString());
        }
        return lines;
    }

    /** Where the sentence first names the entity (by its name or an alias), or -1. */
    private int nameAt(String sentence) {
        int first = -1;
        List<String> names = new ArrayList<>(entity.aliases());
        names.add(entity.name());
        for (String name : names) {
            int at = sentence.replace('\u00a0', ' ').indexOf(name.replace('\u00a0', ' '));
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }

    private AttributedString relatedRow(Tui tui, int index) {
        if (index >= related.size()) {
            return index == 0 ? Text.styled("nobody and nothing yet", tui.style().faint()) : AttributedString.EMPTY;
        }
        Related other = related.get(index);
        String text = other.entity().name() + " (" + other.together() + ")";
        return Text.styled(text, onRelated && index == selectedRelated ? tui.style().selected() : tui.style().plain());
    }

    @Override
    public boolean key(Tui tui, Key key, String typed) throws Exception {
        switch (key) {
            case UP -> move(-1);
            case DOWN -> move(1);
            case PAGE_UP -> move(-height);
            case PAGE_DOWN -> move(height);
            case HOME -> move(-mentions.size());
            case END -> move(mentions.size());
            case TAB -> onRelated = !onRelated && !related.isEmpty();
            case ENTER, RIGHT -> open(tui);
            case LEFT -> tui.back();
            case CHAR -> {
                switch (typed) {
                    case "k" -> move(-1);
                    case "j" -> move(1);
                    default -> {
                        return false;
                    }
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private void move(int rows) {
        if (onRelated) {
            selectedRelated = Math.max(0, Math.min(related.size() - 1, selectedRelated + rows));
        } else {
            selected = Math.max(0, Math.min(mentions.size() - 1, selected + rows));
        }
    }

    private void open(Tui tui) {
        if (onRelated && !related.isEmpty()) {
            tui.open(new EntityScreen(journal, related.get(selectedRelated).entity().id()));
        } else if (!onRelated && !mentions.isEmpty()) {
            tui.open(new ReaderScreen(journal, mentions.get(selected).entryId()));
        }
    }
}
