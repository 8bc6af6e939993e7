package io.skein.itest;

import static org.junit.Assert.assertTrue;

import io.skein.broker.BrokerService;
import io.skein.inference.InferenceService;
import io.skein.queue.QueueService;
import io.skein.queue.TaskHandler;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;

/**
 * The real terminal UI bundle in a real Felix with the real services and the embedded model,
 * driven through an 80x24 terminal the test types into; every assertion reads the screen.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TuiIT extends ExamSupport {

    private static final Duration SOON = Duration.ofSeconds(10);

    private TerminalScreen screen;
    private CommandSession session;
    private Thread ui;

    @Before
    public void openTheUi() throws Exception {
        update("skein.broker", Map.of("data.dir", System.getProperty("skein.home")));
        update("skein.inference", Map.of("backend", "embedded", "idle", "30"));
        update("skein.retry.backoff", Map.of("attempts", "2", "base", "0.05", "max", "0.1"));
        BrokerService broker = service(BrokerService.class);
        await("the entities module is known to the journal", () -> broker.commands().sync()
                .hexists("skein:journal:modules", "entities"));
        service(InferenceService.class).setEnabled(true);
        screen = new TerminalScreen(80, 24);
        session = service(CommandProcessor.class).createSession(new ByteArrayInputStream(new byte[0]),
                OutputStream.nullOutputStream(), OutputStream.nullOutputStream());
        session.put(".terminal", screen.terminal());
        ui = new Thread(() -> {
            try {
                session.execute("tui:tui");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "tui-under-test");
        ui.start();
        screen.awaitText("Skein · default", SOON);
    }

    @After
    public void closeTheUi() throws Exception {
        screen.type("\u0003");
        ui.join(5_000);
        assertTrue("Ctrl-C ends the UI", !ui.isAlive());
        session.close();
        screen.close();
        service(InferenceService.class).setEnabled(true);
    }

    private void write(String text) throws Exception {
        screen.type("n");
        screen.awaitText("New entry · default", SOON);
        screen.type(text);
        screen.awaitText(text.substring(0, 20), SOON);
        screen.type(TerminalScreen.CTRL_S);
    }

    /** The entries screen's row for the entry starting with {@code title} shows {@code mark}. */
    private void awaitMark(String title, String mark, Duration timeout) throws InterruptedException {
        screen.await("\"" + title + "\" marked " + mark, timeout, shown -> shown.lines()
                .anyMatch(line -> line.contains(title) && line.stripTrailing().endsWith(mark)));
    }

    /** The text left of the panes' divider, its wrapped lines joined. */
    private static String leftPane(String shown) {
        return shown.lines().map(line -> line.contains(" | ") ? line.substring(0, line.indexOf(" | ")) : line)
                .map(String::strip).collect(java.util.stream.Collectors.joining(" ")).replaceAll("\\s+", " ");
    }

    @Test
    public void anEntryIsSavedAtOnceAndItsMarkTurnsDoneWhenTheModelHasProcessedIt() throws Exception {
        write("Walked with Elizabeth Bennet to Meryton in the rain.");
        String reader = screen.awaitText("Saved;", SOON);
        assertTrue("the reader shows the saved text:\n" + reader, reader.contains("Walked with Elizabeth Bennet"));

        screen.type(TerminalScreen.ESC);
        awaitMark("Walked with Elizabeth", "done", WAIT);
    }

    @Test
    public void theReaderListsTheEntitiesFoundAndTheEntityPageShowsTheMention() throws Exception {
        write("Dined with Samuel Pepys at the Navy Office in London.");
        screen.awaitText("processing: entities done", WAIT);
        screen.await("the entities found beside the text", SOON, shown -> shown.contains("Samuel Pepys")
                && Pattern.compile("person\\s+Samuel Pepys").matcher(shown).find());

        screen.type(TerminalScreen.ENTER);
        String page = screen.awaitText("Mentions, oldest first", SOON);
        assertTrue("the entity page quotes the sentence:\n" + page,
                leftPane(page).contains("“Dined with Samuel Pepys at the Navy Office in London.”"));
        assertTrue("the entity page is Samuel Pepys's:\n" + page, page.contains("Samuel Pepys · person"));

        screen.type(TerminalScreen.ENTER);
        screen.awaitText("processing: entities done", SOON);
    }

    @Test
    public void withInferenceSwitchedOffANewEntryWaitsForInferenceAndIsDoneWhenItIsBackOn() throws Exception {
        screen.type("w");
        screen.awaitText("retry policy: exponential-backoff", SOON);
        screen.type("i");
        screen.awaitText("inference off", SOON);
        screen.type(TerminalScreen.ESC);

        write("Rowed to Greenwich with Captain Cocke after the office.");
        screen.awaitText("Saved;", SOON);
        screen.type(TerminalScreen.ESC);
        awaitMark("Rowed to Greenwich", "waiting for inference", SOON);

        screen.type("w");
        screen.type("i");
        screen.awaitText("inference on", SOON);
        screen.type(TerminalScreen.ESC);
        awaitMark("Rowed to Greenwich", "done", WAIT);
    }

    @Test
    public void aDeadLetterIsShownWithItsFailureAndReplayedFromTheWorkScreen() throws Exception {
        AtomicBoolean broken = new AtomicBoolean(true);
        TaskHandler printer = job -> {
            if (broken.get()) {
                throw new IllegalStateException("the printer is out of paper");
            }
        };
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(TaskHandler.TASK, "tui.print");
        properties.put(TaskHandler.QUEUE, "tui-work");
        ServiceRegistration<TaskHandler> registration = context.registerService(TaskHandler.class, printer,
                properties);
        try {
            QueueService queue = service(QueueService.class);
            queue.enqueue("tui-work", "tui.print", "page 1");
            await("the job is dead", () -> queue.stats("tui-work").dead() == 1);

            screen.type("w");
            screen.awaitText("retry policy: exponential-backoff", SOON);
            for (int i = 0; i < 5 && !screen.text().contains("Dead letters of tui-work"); i++) {
                screen.type(TerminalScreen.TAB);
                Thread.sleep(300);
            }
            screen.awaitText("the printer is out of", SOON);

            broken.set(false);
            screen.type("r");
            screen.awaitText("Replayed job", SOON);
            screen.await("tui-work with one job completed and none dead", WAIT, shown -> Pattern
                    .compile("tui-work\\s+0\\s+0\\s+0\\s+0\\s+0\\s+1").matcher(shown).find());
        } finally {
            registration.unregister();
        }
    }

    @Test
    public void theScreenIsRedrawnToTheNewSizeWhenTheTerminalIsResized() throws Exception {
        // Accented letters only: the test's screen emulator gives every character one column, so
        // CJK and emoji (two columns on a real terminal, see TextTest) would not line up here.
        String title = "Café au lait with Zoë and Chloé, then a walk to the old bridge";
        write(title);
        screen.awaitText("Saved;", SOON);
        screen.type(TerminalScreen.ESC);
        String narrow = screen.await("the entries with the new one", SOON,
                shown -> shown.contains("Skein · default") && shown.contains("Café au lait with Zoë"));
        assertTrue("at 80 columns the title is cut:\n" + narrow, !narrow.contains("the old bridge"));

        screen.resize(140, 30);
        String wide = screen.awaitText("the old bridge", SOON);
        assertTrue("the row keeps its mark at the right:\n" + wide, wide.lines()
                .anyMatch(line -> line.matches(".*the old bridge\\s+(waiting|running|done).*")));
        screen.resize(80, 24);
        screen.await("the entries at 80 columns again", SOON, shown -> !shown.contains("the old bridge"));
    }

    @Test
    public void anyGogoCommandRunsFromTheCommandBarWithItsOutputInAPane() throws Exception {
        screen.type(":queue:policy");
        screen.awaitText(":queue:policy", SOON);
        screen.type(TerminalScreen.ENTER);
        screen.awaitText(":queue:policy · done", SOON);
        screen.awaitText("exponential-backoff", SOON);

        screen.type(TerminalScreen.ESC);
        screen.type(":no:such");
        screen.type(TerminalScreen.ENTER);
        screen.awaitText("failed: Command not found: no:such", SOON);
    }
}
