package io.skein.tui.internal;

import java.util.Locale;

import org.jline.terminal.Terminal;
import org.jline.utils.AttributedStyle;
import org.jline.utils.InfoCmp.Capability;

/**
 * The UI's styles, in colour when the terminal has at least eight colours and {@code NO_COLOR} is
 * not set, else in bold, underline and reverse video only. Nothing is told by colour alone: every
 * state is also written out.
 */
final class Style {

    private final boolean colour;

    Style(boolean colour) {
        this.colour = colour;
    }

    static Style of(Terminal terminal) {
        Integer colours = terminal.getNumericCapability(Capability.max_colors);
        boolean noColour = System.getenv("NO_COLOR") != null && !System.getenv("NO_COLOR").isEmpty();
        return new Style(!noColour && colours != null && colours >= 8);
    }

    AttributedStyle plain() {
        return AttributedStyle.DEFAULT;
    }

    AttributedStyle bar() {
        return AttributedStyle.DEFAULT.inverse();
    }

    AttributedStyle selected() {
        return AttributedStyle.DEFAULT.inverse();
    }

    AttributedStyle heading() {
        return AttributedStyle.BOLD;
    }

    AttributedStyle faint() {
        return colour ? AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT | AttributedStyle.BLACK)
                : AttributedStyle.DEFAULT;
    }

    AttributedStyle error() {
        return colour ? AttributedStyle.BOLD.foreground(AttributedStyle.RED) : AttributedStyle.BOLD;
    }

    /** How an entity's name is marked in an entry's text. */
    AttributedStyle entity() {
        return colour ? AttributedStyle.BOLD.foreground(AttributedStyle.CYAN) : AttributedStyle.BOLD.underline();
    }

    /** The style of a processing mark such as "done" or "waiting for inference". */
    AttributedStyle mark(String mark) {
        if (!colour) {
            return mark.equals("dead") ? AttributedStyle.BOLD : AttributedStyle.DEFAULT;
        }
        String word = mark.toLowerCase(Locale.ROOT);
        if (word.equals("done")) {
            return AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
        }
        if (word.equals("dead")) {
            return AttributedStyle.BOLD.foreground(AttributedStyle.RED);
        }
        if (word.equals("retrying")) {
            return AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA);
        }
        if (word.startsWith("waiting for")) {
            return AttributedStyle.DEFAULT.foreground(AttributedStyle.BLUE);
        }
        return AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
    }
}
