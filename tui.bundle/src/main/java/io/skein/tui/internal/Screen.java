package io.skein.tui.internal;

import java.util.List;

import org.jline.utils.AttributedString;

/** One screen of the UI: what it fetches, how it draws, and which keys it answers. */
interface Screen {

    /** The title bar's text. */
    String title(Tui tui);

    /** The keys that matter most here, for the title bar. */
    String hints();

    /** Fetches what the screen shows: when it opens, after an action, and every second while shown. */
    void load(Tui tui) throws Exception;

    /** The body: at most {@code height} lines; the UI cuts each to {@code width} columns. */
    List<AttributedString> render(Tui tui, int width, int height);

    /**
     * Answers a key.
     *
     * @param typed the key's text, for {@link Key#CHAR}
     * @return false to leave the key to the UI's global keys
     */
    boolean key(Tui tui, Key key, String typed) throws Exception;

    /** Where the text cursor is in the body, {row, column}, or null for no cursor. */
    default int[] cursor() {
        return null;
    }

    /** Whether the screen takes every printable key for itself (an editor), so that global keys are off. */
    default boolean typing() {
        return false;
    }
}
