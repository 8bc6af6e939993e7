package io.skein.tui.internal;

import io.skein.broker.BrokerService;
import io.skein.inference.InferenceService;
import io.skein.journal.GraphStore;
import io.skein.journal.JournalService;
import io.skein.queue.QueueService;

import java.io.IOException;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The terminal UI. With the framework property {@code skein.tui=true} (set by {@code ./skein} when a
 * terminal is attached) it takes the process's terminal at start, and quitting it stops the host;
 * the Gogo command {@code tui} opens it on the shell's terminal and returns to the prompt.
 *
 * <p>Every service is bound dynamically and optionally: the UI stays up while the broker, the
 * queue or a module is restarted or updated, and says what is missing until it is back.
 */
@Component(immediate = true, service = TerminalUi.class, property = {
    "osgi.command.scope=tui",
    "osgi.command.function=tui"
})
public final class TerminalUi implements Services {

    private static final Logger LOG = LoggerFactory.getLogger(TerminalUi.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile JournalService journal;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile GraphStore graph;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile QueueService queue;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile InferenceService inference;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile BrokerService broker;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile CommandProcessor commands;

    private Thread owner;
    private volatile Tui running;

    @Activate
    void activate(BundleContext context) {
        if (!Boolean.parseBoolean(context.getProperty("skein.tui"))) {
            return;
        }
        owner = new Thread(() -> runOnProcessTerminal(context), "skein-tui");
        owner.start();
        LOG.info("Terminal UI started on this process's terminal");
    }

    private void runOnProcessTerminal(BundleContext context) {
        boolean quitByUser;
        try (Terminal terminal = TerminalBuilder.builder().system(true).name("skein").build()) {
            if (terminal.getType().startsWith(Terminal.TYPE_DUMB)) {
                String why = "this terminal (" + terminal.getType() + ") cannot show the UI; Skein runs headless"
                        + " (stop it with Ctrl-C; ./skein shell gives the Gogo console)";
                LOG.warn("Terminal UI not started: {}", why);
                System.err.println("skein: " + why);
                return;
            }
            Tui tui = new Tui(this, terminal, Tui.Mode.HOST);
            running = tui;
            tui.run();
            quitByUser = running != null;
        } catch (IOException e) {
            LOG.error("No terminal for the UI: {}; the host runs on without it (stop it with Ctrl-C)", e.getMessage());
            return;
        }
        if (quitByUser) {
            LOG.info("Terminal UI closed by its user; stopping the host");
            try {
                context.getBundle(0).stop();
            } catch (BundleException | IllegalStateException e) {
                LOG.warn("Could not stop the host after the UI closed: {}", e.getMessage());
            }
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        Tui tui = running;
        running = null;
        if (tui != null) {
            tui.stop();
        }
        if (owner != null) {
            owner.join(5_000);
        }
    }

    @Descriptor("Opens the full-screen terminal UI on this shell's terminal; q on the entries returns here")
    public void tui(CommandSession session) {
        Object terminal = session.get(".terminal");
        if (!(terminal instanceof Terminal)) {
            throw new IllegalStateException("tui needs the shell's terminal: type it at the g! prompt of ./skein shell"
                    + " (from the UI's command bar the UI is already open)");
        }
        Tui tui = new Tui(this, (Terminal) terminal, Tui.Mode.SHELL);
        tui.run();
    }

    @Override
    public JournalService journal() {
        return Services.require(journal, "The journal");
    }

    @Override
    public GraphStore graph() {
        return Services.require(graph, "The graph");
    }

    @Override
    public QueueService queue() {
        return Services.require(queue, "The queue");
    }

    @Override
    public InferenceService inference() {
        return Services.require(inference, "Inference");
    }

    @Override
    public BrokerService broker() {
        return Services.require(broker, "The broker");
    }

    @Override
    public CommandProcessor commands() {
        return Services.require(commands, "The command processor");
    }
}
