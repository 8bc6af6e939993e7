package io.skein.bench;

import io.skein.inference.EntityType;
import io.skein.inference.InferenceService;
import io.skein.journal.EntryDraft;
import io.skein.journal.GraphStore;
import io.skein.journal.GraphStore.GraphEntity;
import io.skein.journal.GraphStore.Mention;
import io.skein.journal.JournalService;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The half of bench/tui that runs inside a headless host (a bundle in its deploy folder): it fills
 * journal "bench" with 5,000 entries and gives one entity 1,000 mentions, opens the real terminal
 * UI on a 120x40 terminal over pipes, and times keypress to redraw: from writing a key into the
 * terminal's input to the last byte of the frame that shows the result. Writes its report to the
 * file SKEIN_BENCH_OUT names.
 */
public final class TuiBench implements BundleActivator {

    private static final String JOURNAL = "bench";
    private static final int ENTRIES = 5_000;
    private static final int MENTIONS = 1_000;
    private static final int ROUNDS = 30;
    private static final long QUIET_NANOS = 30_000_000;

    private final StringBuilder drawn = new StringBuilder();
    private volatile long lastDrawn;
    private Thread runner;

    @Override
    public void start(BundleContext context) {
        String out = System.getenv("SKEIN_BENCH_OUT");
        if (out != null) {
            runner = new Thread(() -> run(context, Path.of(out)), "skein-bench-tui");
            runner.start();
        }
    }

    private void run(BundleContext context, Path out) {
        StringBuilder report = new StringBuilder();
        try {
            JournalService journal = await(context, JournalService.class);
            GraphStore graph = await(context, GraphStore.class);
            // The entries' extraction jobs wait: only the UI is measured.
            await(context, InferenceService.class).setEnabled(false);
            long started = System.nanoTime();
            List<String> ids = fill(journal, graph);
            report.append(String.format(Locale.ROOT, "generated %d entries and an entity with %d mentions in %.1f s%n",
                    ids.size(), MENTIONS, (System.nanoTime() - started) / 1e9));
            measure(await(context, CommandProcessor.class), report);
        } catch (Exception e) {
            report.append("error: ").append(e).append('\n');
        }
        try {
            Files.writeString(out.resolveSibling(out.getFileName() + ".part"), report);
            Files.move(out.resolveSibling(out.getFileName() + ".part"), out);
        } catch (IOException e) {
            System.err.println("bench: cannot write " + out + ": " + e.getMessage());
        }
    }

    private static <S> S await(BundleContext context, Class<S> type) throws InterruptedException {
        ServiceTracker<S, S> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        S service = tracker.waitForService(120_000);
        if (service == null) {
            throw new IllegalStateException(type.getSimpleName() + " did not appear");
        }
        return service;
    }

    private static List<String> fill(JournalService journal, GraphStore graph) throws Exception {
        Instant first = Instant.parse("2012-01-01T08:00:00Z");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < ENTRIES; i++) {
            String id = "bench-" + i;
            String text = "Day " + i + ": walked with Samuel Pepys to the office, then dinner at home.\n\n"
                    + "A second paragraph, so the entry is not a single line. ".repeat(4);
            journal.save(new EntryDraft(JOURNAL, id, first.plus(i, ChronoUnit.DAYS).toString(), text, List.of()));
            ids.add(id);
        }
        GraphEntity pepys = graph.create(JOURNAL, "Samuel Pepys", EntityType.PERSON);
        List<GraphEntity> others = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            others.add(graph.create(JOURNAL, "Friend " + (char) ('A' + i), EntityType.PERSON));
        }
        for (int i = 0; i < MENTIONS; i++) {
            String id = ids.get(i * (ENTRIES / MENTIONS));
            long time = first.plus((long) i * (ENTRIES / MENTIONS), ChronoUnit.DAYS).toEpochMilli();
            String sentence = "Day " + i + ": walked with Samuel Pepys to the office, then dinner at home.";
            GraphEntity other = others.get(i % others.size());
            graph.replaceMentions(JOURNAL, id, time, List.of(new Mention(pepys.id(), id, time, sentence),
                    new Mention(other.id(), id, time, sentence)));
        }
        return ids;
    }

    private void measure(CommandProcessor processor, StringBuilder report) throws Exception {
        PipedOutputStream keys = new PipedOutputStream();
        PipedInputStream input = new PipedInputStream(keys, 64 * 1024);
        OutputStream screen = new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (drawn) {
                    drawn.append(new String(b, off, len, StandardCharsets.UTF_8));
                    lastDrawn = System.nanoTime();
                }
            }
        };
        try (Terminal terminal = TerminalBuilder.builder().system(false).type("xterm-256color")
                .encoding(StandardCharsets.UTF_8).streams(input, screen).size(new Size(120, 40)).build();
                CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]),
                        OutputStream.nullOutputStream(), OutputStream.nullOutputStream())) {
            session.put(".terminal", terminal);
            Thread ui = new Thread(() -> {
                try {
                    session.execute("tui:tui");
                } catch (Exception e) {
                    System.err.println("bench: the UI failed: " + e);
                }
            }, "skein-bench-ui");
            ui.start();
            // Markers are ASCII: JLine may send a character like the title's middle dot in the
            // terminal's line-drawing set.
            press(keys, "", "0 entries");
            press(keys, "J", "Journal bench");
            List<Double> home = new ArrayList<>();
            List<Double> entity = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                press(keys, "?", "Everywhere");
                home.add(press(keys, "H", "100+ entries"));
                press(keys, "/Samuel Pepys", "Samuel Pepys");
                entity.add(press(keys, "\r", "1000 mention(s)"));
                press(keys, "H", "100+ entries");
            }
            keys.write(3);
            keys.flush();
            ui.join(5_000);
            report.append(line("open the entries of a 5,000-entry journal (H)", home));
            report.append(line("open an entity page with 1,000 mentions (Enter)", entity));
            double worst = Math.max(percentile(home, 95), percentile(entity, 95));
            report.append(String.format(Locale.ROOT, "keypress to redraw, worst p95: %.1f ms%n", worst));
        }
    }

    /** Types {@code key}, waits for a frame showing {@code shown}, and returns the milliseconds it took. */
    private double press(PipedOutputStream keys, String key, String shown) throws Exception {
        int from;
        synchronized (drawn) {
            from = drawn.length();
        }
        long pressed = System.nanoTime();
        keys.write(key.getBytes(StandardCharsets.UTF_8));
        keys.flush();
        long deadline = pressed + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            Thread.sleep(2);
            synchronized (drawn) {
                if (drawn.indexOf(shown, from) >= 0 && System.nanoTime() - lastDrawn > QUIET_NANOS) {
                    return (lastDrawn - pressed) / 1e6;
                }
            }
        }
        throw new IllegalStateException("the UI never showed \"" + shown + "\" after " + key);
    }

    private static String line(String what, List<Double> millis) {
        return String.format(Locale.ROOT, "%-50s median %6.1f ms   p95 %6.1f ms   (%d presses)%n", what,
                percentile(millis, 50), percentile(millis, 95), millis.size());
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    @Override
    public void stop(BundleContext context) throws InterruptedException {
        if (runner != null) {
            runner.interrupt();
        }
    }
}
