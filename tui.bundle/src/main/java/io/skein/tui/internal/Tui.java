package io.skein.tui.internal;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.jline.keymap.BindingReader;
import org.jline.keymap.KeyMap;
import org.jline.terminal.Attributes;
import org.jline.terminal.Attributes.LocalFlag;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.Terminal.Signal;
import org.jline.terminal.Terminal.SignalHandler;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.NonBlockingReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The full-screen UI on one terminal: a stack of screens, a title bar, a message row (or a prompt)
 * and the status line. One thread reads keys and draws; while no key comes it refreshes the shown
 * screen and the status line every second, so progress appears without a key press.
 */
final class Tui {

    /** What quitting means: stop the host (the UI is the host's face) or return to the Gogo shell. */
    enum Mode {
        HOST,
        SHELL
    }

    /** Something a screen does that may fail; the failure is shown on the message row. */
    interface Action {
        void run() throws Exception;
    }

    static final String DEFAULT_JOURNAL = "default";
    private static final Logger LOG = LoggerFactory.getLogger(Tui.class);
    private static final long REFRESH_MILLIS = 1000;
    private static final long KEY_WAIT_MILLIS = 100;

    final Services services;
    private final Terminal terminal;
    private final Mode mode;
    private final Style style;
    private final Deque<Screen> screens = new ArrayDeque<>();
    private final StatusLine status = new StatusLine();
    private final List<String> commandHistory = new ArrayList<>();
    private String journal = DEFAULT_JOURNAL;
    private String focus;
    private Prompt prompt;
    private AttributedString message = AttributedString.EMPTY;
    private AttributedString complaint;
    private volatile boolean running = true;
    private volatile boolean resized;
    private long refreshedAt;
    private Boolean cursorShown;

    Tui(Services services, Terminal terminal, Mode mode) {
        this.services = services;
        this.terminal = terminal;
        this.mode = mode;
        this.style = Style.of(terminal);
    }

    /** Runs until the person quits or {@link #stop()} is called; the terminal is restored either way. */
    void run() {
        Attributes saved = terminal.enterRawMode();
        Attributes raw = terminal.getAttributes();
        // Ctrl-C arrives as a key (quit), not as a signal to the whole host.
        raw.setLocalFlag(LocalFlag.ISIG, false);
        terminal.setAttributes(raw);
        SignalHandler previous = terminal.handle(Signal.WINCH, signal -> resized = true);
        terminal.puts(Capability.enter_ca_mode);
        terminal.puts(Capability.keypad_xmit);
        terminal.flush();
        try {
            loop();
        } catch (IOException | RuntimeException e) {
            LOG.error("The terminal UI stopped: {}", e.toString(), e);
        } finally {
            terminal.puts(Capability.cursor_visible);
            terminal.puts(Capability.keypad_local);
            terminal.puts(Capability.exit_ca_mode);
            terminal.flush();
            terminal.handle(Signal.WINCH, previous);
            terminal.setAttributes(saved);
        }
    }

    private void loop() throws IOException {
        Display display = new Display(terminal, true);
        Size size = terminal.getSize();
        display.resize(size.getRows(), size.getColumns());
        display.clear();
        BindingReader reader = new BindingReader(terminal.reader());
        KeyMap<Key> keys = Key.map(terminal);
        boolean pending = false;
        open(new HomeScreen());
        while (running) {
            if (resized) {
                resized = false;
                size = terminal.getSize();
                display.clear();
                display.resize(size.getRows(), size.getColumns());
            }
            if (System.currentTimeMillis() - refreshedAt >= REFRESH_MILLIS) {
                refresh();
            }
            if (!pending) {
                draw(display, size);
            }
            int next = reader.peekCharacter(pending ? 1 : KEY_WAIT_MILLIS);
            pending = false;
            if (next == NonBlockingReader.READ_EXPIRED) {
                continue;
            }
            Key key = next == NonBlockingReader.EOF ? null : reader.readBinding(keys);
            if (key == null) {
                return;
            }
            handle(key, reader.getLastBinding());
            // Keys that are already waiting (a paste) are handled before the next frame is drawn.
            pending = running && reader.peekCharacter(1) >= 0;
        }
    }

    /** Ends {@link #run()} within a fraction of a second. */
    void stop() {
        running = false;
    }

    Mode mode() {
        return mode;
    }

    Style style() {
        return style;
    }

    String journal() {
        return journal;
    }

    void journal(String name) {
        journal = name;
    }

    /** Asks the entries screen to select this entry when it next shows (the one just written). */
    void focus(String entryId) {
        focus = entryId;
    }

    /** The entry to select, once. */
    String takeFocus() {
        String id = focus;
        focus = null;
        return id;
    }

    // ---- screens

    void open(Screen screen) {
        screens.push(screen);
        safely(() -> screen.load(this));
    }

    /** Opens {@code screen} in place of the current one (the editor gives way to the entry it saved). */
    void replace(Screen screen) {
        screens.pop();
        open(screen);
    }

    void back() {
        if (screens.size() > 1) {
            screens.pop();
            reload();
        } else {
            quit();
        }
    }

    void home() {
        while (screens.size() > 1) {
            screens.pop();
        }
        reload();
    }

    void reload() {
        Screen top = screens.peek();
        safely(() -> top.load(this));
    }

    void quit() {
        running = false;
    }

    // ---- messages and prompts

    void say(String text) {
        message = Text.styled(text, style.plain());
    }

    void fail(String text) {
        message = Text.styled(text, style.error());
    }

    void ask(String label, Prompt.Answer answer) {
        prompt = Prompt.line(label, label.equals(":") ? commandHistory : new ArrayList<>(), answer);
    }

    void confirm(String question, Tui.Action onYes) {
        prompt = Prompt.yesNo(question, text -> onYes.run());
    }

    /** Runs {@code action}; a failure becomes the message, never the end of the UI. */
    void safely(Action action) {
        try {
            action.run();
        } catch (Services.Unavailable | IllegalArgumentException | IllegalStateException e) {
            fail(e.getMessage());
        } catch (Exception e) {
            String text = e.getMessage() != null ? e.getMessage() : e.toString();
            if (!(e instanceof io.skein.journal.JournalException)) {
                LOG.warn("The terminal UI could not do what was asked: {}", text, e);
            }
            fail(text);
        }
    }

    // ---- keys

    private void handle(Key key, String typed) {
        if (prompt != null) {
            Runnable answer = prompt.key(key, typed, this);
            if (answer != null) {
                prompt = null;
                message = AttributedString.EMPTY;
                answer.run();
            }
            return;
        }
        message = AttributedString.EMPTY;
        Screen top = screens.peek();
        boolean[] handled = {false};
        safely(() -> handled[0] = top.key(this, key, typed));
        if (!handled[0]) {
            global(key, typed, top);
        }
    }

    private void global(Key key, String typed, Screen top) {
        if (key == Key.INTERRUPT) {
            quit();
        } else if (key == Key.ESCAPE) {
            if (screens.size() > 1) {
                back();
            }
        } else if (key == Key.CHAR && !top.typing()) {
            switch (typed) {
                case "q" -> back();
                case "?" -> open(new HelpScreen());
                case ":" -> ask(":", this::command);
                case "w" -> {
                    if (!(top instanceof WorkScreen)) {
                        open(new WorkScreen());
                    }
                }
                case "H" -> home();
                default -> {
                    // an unbound key does nothing
                }
            }
        }
    }

    private void command(String line) {
        open(new OutputScreen(services, line));
    }

    // ---- drawing

    private void refresh() {
        refreshedAt = System.currentTimeMillis();
        status.load(services);
        Screen top = screens.peek();
        AttributedString before = message;
        safely(() -> top.load(this));
        if (message != before) {
            complaint = message;
        } else if (complaint != null && message == complaint) {
            // the refresh works again: its own complaint goes, anything else said stays
            message = AttributedString.EMPTY;
            complaint = null;
        }
    }

    private void draw(Display display, Size size) {
        // The last column stays empty: terminals differ in how they wrap a line that fills it.
        int width = size.getColumns() - 1;
        int height = Math.max(1, size.getRows() - 3);
        Screen top = screens.peek();
        List<AttributedString> lines = new ArrayList<>(size.getRows());
        lines.add(titleBar(top, width));
        List<AttributedString> body = top.render(this, width, height);
        for (int row = 0; row < height; row++) {
            lines.add(row < body.size() ? Text.fit(body.get(row), width) : AttributedString.EMPTY);
        }
        lines.add(prompt != null ? Text.fit(prompt.render(style), width) : Text.fit(message, width));
        lines.add(status.render(style, width + 1));
        int[] cursor = prompt != null ? new int[] {size.getRows() - 2, prompt.cursorColumn()}
                : top.cursor() != null ? new int[] {1 + top.cursor()[0], top.cursor()[1]} : null;
        showCursor(cursor != null);
        display.update(lines, cursor != null ? size.cursorPos(cursor[0], Math.min(cursor[1], width - 1)) : -1);
    }

    /**
     * The title on the left, the key hints on the right. When both do not fit, the hints give way
     * first, except for the key to help, and then the title is cut.
     */
    private AttributedString titleBar(Screen top, int width) {
        String title = " " + top.title(this) + " ";
        String help = top.typing() ? "" : "? help ";
        String hints = " " + top.hints() + (help.isEmpty() ? " " : "  " + help);
        if (Text.columns(title) + Text.columns(hints) > width) {
            hints = help.isEmpty() ? "" : " " + help;
        }
        AttributedStringBuilder bar = new AttributedStringBuilder().style(style.bar());
        bar.append(Text.fit(title, width - Text.columns(hints)));
        bar.append(" ".repeat(Math.max(0, width - bar.columnLength() - Text.columns(hints)))).append(hints);
        return bar.toAttributedString();
    }

    private void showCursor(boolean shown) {
        if (cursorShown == null || cursorShown != shown) {
            cursorShown = shown;
            terminal.puts(shown ? Capability.cursor_visible : Capability.cursor_invisible);
        }
    }
}
