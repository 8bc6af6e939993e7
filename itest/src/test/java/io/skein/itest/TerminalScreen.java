package io.skein.itest;

import static org.junit.Assert.fail;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Predicate;

import org.jline.builtins.ScreenTerminal;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * A terminal a test controls: keys go in through a pipe, and what the program writes is played
 * into a VT100 screen emulator (JLine's ScreenTerminal), so that tests read the screen a person
 * would see, not the program's internals.
 */
final class TerminalScreen implements AutoCloseable {

    /** How long the output must rest for a frame to count as drawn. */
    private static final Duration QUIET = Duration.ofMillis(60);

    static final String CTRL_S = "\u0013";
    static final String ESC = "\u001b";
    static final String ENTER = "\r";
    static final String DOWN = "\u001b[B";
    static final String UP = "\u001b[A";
    static final String TAB = "\t";

    private final PipedOutputStream keys = new PipedOutputStream();
    private final PipedOutputStream drawn = new PipedOutputStream();
    private final ScreenTerminal screen;
    private final Terminal terminal;
    private final Thread player;
    private volatile long lastDrawn = System.nanoTime();

    TerminalScreen(int columns, int rows) throws IOException {
        PipedInputStream keyInput = new PipedInputStream(keys, 64 * 1024);
        PipedInputStream output = new PipedInputStream(drawn, 1024 * 1024);
        screen = new ScreenTerminal(columns, rows);
        // A VT100: the emulator mis-draws the insert-line and delete-line sequences that JLine sends to
        // the xterm family (the same frames in tmux come out right), and a VT100 has none. It also
        // has no colours, so the tests see the UI's colourless form.
        terminal = TerminalBuilder.builder().system(false).name("test").type("vt100").encoding(StandardCharsets.UTF_8)
                .streams(keyInput, drawn).size(new Size(columns, rows)).build();
        player = new Thread(() -> play(output), "terminal-screen");
        player.setDaemon(true);
        player.start();
    }

    private void play(PipedInputStream output) {
        char[] buffer = new char[8192];
        try (Reader reader = new InputStreamReader(output, StandardCharsets.UTF_8)) {
            int read;
            while ((read = reader.read(buffer)) >= 0) {
                screen.write(new String(buffer, 0, read));
                lastDrawn = System.nanoTime();
            }
        } catch (IOException e) {
            // the terminal was closed
        }
    }

    Terminal terminal() {
        return terminal;
    }

    /** Types {@code text}: characters and escape sequences, as a keyboard would send them. */
    void type(String text) throws IOException {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    /** Resizes the terminal, as a window being resized does: the program gets SIGWINCH. */
    void resize(int columns, int rows) {
        screen.setSize(columns, rows);
        terminal.setSize(new Size(columns, rows));
        terminal.raise(Terminal.Signal.WINCH);
    }

    /** The screen as text, one line per row, once the program has stopped drawing for a moment. */
    String text() throws InterruptedException {
        while (System.nanoTime() - lastDrawn < QUIET.toNanos()) {
            Thread.sleep(10);
        }
        return screen.toString();
    }

    /** Waits until the screen satisfies {@code condition}; fails showing the screen when it does not. */
    String await(String what, Duration timeout, Predicate<String> condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String shown = text();
        while (!condition.test(shown)) {
            if (System.nanoTime() > deadline) {
                fail("the screen did not show " + what + " within " + timeout.toSeconds() + " s; it shows:\n" + shown);
            }
            Thread.sleep(25);
            shown = text();
        }
        return shown;
    }

    String awaitText(String text, Duration timeout) throws InterruptedException {
        return await("\"" + text + "\"", timeout, shown -> shown.contains(text));
    }

    @Override
    public void close() throws IOException {
        terminal.close();
        keys.close();
        drawn.close();
        player.interrupt();
    }
}
