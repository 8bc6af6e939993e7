package io.skein.tui.internal;

import java.util.ArrayList;
import java.util.List;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/** Every key of every screen. */
final class HelpScreen implements Screen {

    private static final String[][] KEYS = {
        {"Everywhere", ""},
        {"  ?", "this help"},
        {"  :", "run any Gogo command (e.g. :queue:stats inference); its output opens in a pane"},
        {"  w", "the work screen: queues, dead letters, pause, inference on/off"},
        {"  H", "back to the entries"},
        {"  Esc / q", "back; q on the entries quits"},
        {"  Ctrl-C", "quit"},
        {"Entries", ""},
        {"  ↑ ↓ k j PgUp PgDn g G", "move"},
        {"  Enter", "read the entry"},
        {"  n / e / d", "write a new entry / edit / delete the chosen one"},
        {"  /", "find an entity by name and open its page"},
        {"  J", "next journal"},
        {"Editor", ""},
        {"  Ctrl-S (or Ctrl-O)", "save; extraction runs in the background"},
        {"  Esc", "cancel (asks when there are changes)"},
        {"  arrows Home End PgUp PgDn", "move the cursor"},
        {"Reader", ""},
        {"  ↑ ↓", "choose an entity; Enter opens its page"},
        {"  PgUp PgDn space", "scroll the text"},
        {"  e / d", "edit / delete the entry"},
        {"Entity page", ""},
        {"  ↑ ↓ PgUp PgDn", "move through the mentions"},
        {"  Tab", "switch between mentions and the entities mentioned with it"},
        {"  Enter", "open the mention's entry, or the related entity"},
        {"Work", ""},
        {"  Tab", "next queue"},
        {"  ↑ ↓", "choose a dead letter; r replays it, R replays all"},
        {"  p", "pause or resume the queue on every host"},
        {"  i", "switch inference on or off"},
        {"Command bar", ""},
        {"  ↑ ↓", "earlier and later commands"},
        {"  Ctrl-U", "clear the line"},
        {"Command output", ""},
        {"  ↑ ↓ PgUp PgDn Home End", "scroll; End follows new output"},
    };

    private static final int KEY_COLUMN = 28;

    private int scroll;

    @Override
    public String title(Tui tui) {
        return "Help";
    }

    @Override
    public String hints() {
        return "↑↓ scroll  Esc back";
    }

    @Override
    public void load(Tui tui) {
        // nothing to fetch
    }

    @Override
    public List<AttributedString> render(Tui tui, int width, int height) {
        List<AttributedString> lines = new ArrayList<>();
        for (String[] key : KEYS) {
            if (key[1].isEmpty()) {
                lines.add(Text.styled(key[0], tui.style().heading()));
                continue;
            }
            List<AttributedString> wrapped = Text.wrap(new AttributedString(key[1]), Math.max(10, width - KEY_COLUMN));
            for (int i = 0; i < wrapped.size(); i++) {
                lines.add(new AttributedStringBuilder().append(Text.pad(i == 0 ? key[0] : "", KEY_COLUMN))
                        .append(wrapped.get(i)).toAttributedString());
            }
        }
        scroll = Math.max(0, Math.min(scroll, lines.size() - height));
        return lines.subList(scroll, Math.min(lines.size(), scroll + height));
    }

    @Override
    public boolean key(Tui tui, Key key, String typed) {
        switch (key) {
            case UP, PAGE_UP -> scroll = Math.max(0, scroll - (key == Key.UP ? 1 : 10));
            case DOWN, PAGE_DOWN -> scroll += key == Key.DOWN ? 1 : 10;
            default -> {
                return false;
            }
        }
        return true;
    }
}
