package io.skein.tui.internal;

import org.jline.keymap.KeyMap;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp.Capability;

/** What a key press means to the UI; printable characters arrive as {@link #CHAR} with their text. */
enum Key {
    CHAR,
    UP,
    DOWN,
    LEFT,
    RIGHT,
    PAGE_UP,
    PAGE_DOWN,
    HOME,
    END,
    ENTER,
    ESCAPE,
    BACKSPACE,
    DELETE,
    TAB,
    SAVE,
    INTERRUPT,
    CLEAR,
    IGNORED;

    /** The bindings of the terminal's own key sequences and of the common xterm ones. */
    static KeyMap<Key> map(Terminal terminal) {
        KeyMap<Key> keys = new KeyMap<>();
        for (char c = 32; c < 127; c++) {
            keys.bind(CHAR, String.valueOf(c));
        }
        keys.setUnicode(CHAR);
        keys.setNomatch(IGNORED);
        // Escape alone is a key here; a sequence that starts with it arrives within a few ms.
        keys.setAmbiguousTimeout(80);
        bind(keys, terminal, UP, Capability.key_up, "\033[A", "\033OA");
        bind(keys, terminal, DOWN, Capability.key_down, "\033[B", "\033OB");
        bind(keys, terminal, RIGHT, Capability.key_right, "\033[C", "\033OC");
        bind(keys, terminal, LEFT, Capability.key_left, "\033[D", "\033OD");
        bind(keys, terminal, PAGE_UP, Capability.key_ppage, "\033[5~");
        bind(keys, terminal, PAGE_DOWN, Capability.key_npage, "\033[6~");
        bind(keys, terminal, HOME, Capability.key_home, "\033[H", "\033OH", "\033[1~", KeyMap.ctrl('A'));
        bind(keys, terminal, END, Capability.key_end, "\033[F", "\033OF", "\033[4~", KeyMap.ctrl('E'));
        bind(keys, terminal, DELETE, Capability.key_dc, "\033[3~");
        keys.bind(ENTER, "\r", "\n");
        keys.bind(BACKSPACE, "\177", "\b");
        keys.bind(TAB, "\t");
        keys.bind(ESCAPE, "\033");
        keys.bind(SAVE, KeyMap.ctrl('S'), KeyMap.ctrl('O'));
        keys.bind(INTERRUPT, KeyMap.ctrl('C'));
        keys.bind(CLEAR, KeyMap.ctrl('U'));
        return keys;
    }

    private static void bind(KeyMap<Key> keys, Terminal terminal, Key key, Capability capability,
            CharSequence... usual) {
        String own = KeyMap.key(terminal, capability);
        if (own != null && !own.isEmpty()) {
            keys.bind(key, own);
        }
        keys.bind(key, usual);
    }
}
