package io.skein.tui.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.jline.utils.AttributedString;

/**
 * A Gogo command run from the command bar, in the background, with its output as it comes in a
 * scrollable pane, shown from its first line (End follows the end). Any command of any bundle can be
 * run; its result is formatted as the shell would.
 */
final class OutputScreen implements Screen {

    private final String command;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private volatile String outcome;
    private int scroll;
    private boolean following;
    private int total;
    private int height = 20;

    OutputScreen(Services services, String command) {
        this.command = command;
        Thread runner = new Thread(() -> run(services), "skein-tui-command");
        runner.setDaemon(true);
        runner.start();
    }

    private void run(Services services) {
        OutputStream sink = new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (output) {
                    output.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (output) {
                    output.write(b, off, len);
                }
            }
        };
        PrintStream out = new PrintStream(sink, true, StandardCharsets.UTF_8);
        try (CommandSession session = services.commands().createSession(new ByteArrayInputStream(new byte[0]), out,
                out)) {
            Object result = session.execute(command);
            if (result != null) {
                out.println(session.format(result, Converter.INSPECT));
            }
            outcome = "done";
        } catch (Exception e) {
            String message = e.getMessage() != null ? e.getMessage() : e.toString();
            String name = command.strip().split("\\s+")[0];
            outcome = message.startsWith("Cannot coerce")
                    ? "failed: wrong arguments for " + name + "; see :help " + name
                    : "failed: " + message;
        }
    }

    @Override
    public String title(Tui tui) {
        String place = total > height ? " · lines " + (scroll + 1) + "-" + Math.min(total, scroll + height) + " of "
                + total : "";
        String state = outcome == null ? "running…" : outcome.startsWith("failed") ? "failed" : outcome;
        return ":" + command + " · " + state + place;
    }

    @Override
    public String hints() {
        return "↑↓ PgUp PgDn scroll  Esc back";
    }

    @Override
    public void load(Tui tui) {
        // the command writes into the pane as it runs
    }

    @Override
    public List<AttributedString> render(Tui tui, int width, int height) {
        this.height = height;
        String text;
        synchronized (output) {
            text = output.toString(StandardCharsets.UTF_8);
        }
        List<AttributedString> lines = new ArrayList<>(Text.wrap(new AttributedString(Text.printable(text)), width));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).length() == 0) {
            lines.remove(lines.size() - 1);
        }
        if (outcome != null && outcome.startsWith("failed")) {
            lines.addAll(Text.wrap(Text.styled(outcome, tui.style().error()), width));
        }
        total = lines.size();
        int last = Math.max(0, lines.size() - height);
        scroll = following ? last : Math.min(scroll, last);
        return lines.subList(scroll, Math.min(lines.size(), scroll + height));
    }

    @Override
    public boolean key(Tui tui, Key key, String typed) {
        switch (key) {
            case UP -> scroll(-1);
            case DOWN -> scroll(1);
            case PAGE_UP -> scroll(-height);
            case PAGE_DOWN -> scroll(height);
            case HOME -> scroll(-Integer.MAX_VALUE / 2);
            case END -> following = true;
            case LEFT -> tui.back();
            default -> {
                return false;
            }
        }
        return true;
    }

    private void scroll(int rows) {
        following = false;
        scroll = Math.max(0, scroll + rows);
    }
}
