package io.skein.journal.internal;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import io.skein.broker.BrokerService;
import io.skein.journal.Entry;
import io.skein.journal.GraphModule;
import io.skein.journal.GraphStore;
import io.skein.journal.JournalException;
import io.skein.queue.EnqueueOptions;
import io.skein.queue.JobContext;
import io.skein.queue.JobInfo;
import io.skein.queue.JobState;
import io.skein.queue.PermanentFailure;
import io.skein.queue.QueueService;
import io.skein.queue.TaskHandler;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns saved entries into jobs of the graph modules, in dependency order, and keeps each entry's
 * state per module ({@code skein:journal:{J}:state:ID}), announcing every change on
 * {@code skein:journal:{J}:progress} ("ID MODULE STATE") for a UI.
 *
 * <p>Every module ever registered is remembered in {@code skein:journal:modules}, so entries saved
 * while a module is away (its bundle being updated) still get its job, which parks until the module
 * returns. For each registered module a {@link TaskHandler} runs its jobs. A job carries the entry's
 * edit time: a job for content that has since been edited does nothing, the newer job writes.
 *
 * <p>A job that cannot read its entry (the broker is going away under it) fails and is retried; only
 * an entry that is really gone counts as deleted.
 */
final class Pipeline {

    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    static final String MODULES = "skein:journal:modules";
    private static final String SEPARATOR = "\u001f";

    /**
     * Records a module's job for an entry. The job may have run (and written its own state)
     * between its enqueue and this write: then its state stays.
     */
    private static final String WAITING = """
            local ran = redis.call('HGET', KEYS[1], ARGV[1] .. '.job') == ARGV[2]
              and redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1
            redis.call('HSET', KEYS[1], ARGV[1] .. '.job', ARGV[2], ARGV[1] .. '.unique', ARGV[3])
            if ran then return 0 end
            redis.call('HSET', KEYS[1], ARGV[1], 'waiting')
            return 1
            """;

    /** Reads an entry: empty when there is none, an exception when the journal cannot tell. */
    @FunctionalInterface
    interface Entries {
        Optional<Entry> read(String journal, String id) throws JournalException;
    }

    private final Supplier<BrokerService> broker;
    private final Supplier<QueueService> queues;
    private final GraphStore graph;
    private final Entries entries;
    private final Map<String, ServiceRegistration<TaskHandler>> handlers = new ConcurrentHashMap<>();
    private final Map<String, Known> present = new ConcurrentHashMap<>();

    Pipeline(Supplier<BrokerService> broker, Supplier<QueueService> queues, GraphStore graph, Entries entries) {
        this.broker = broker;
        this.queues = queues;
        this.graph = graph;
        this.entries = entries;
    }

    private RedisCommands<String, String> redis() {
        return broker.get().commands().sync();
    }

    /** A module as remembered: its task, queue and dependencies. */
    private record Known(String name, String task, String queue, List<String> dependsOn) {

        static Known parse(String name, String value) {
            String[] parts = value.split(SEPARATOR, -1);
            return new Known(name, parts[0], parts[1], parts[2].isEmpty() ? List.of() : List.of(parts[2].split(",")));
        }

        String format() {
            return task + SEPARATOR + queue + SEPARATOR + String.join(",", dependsOn);
        }
    }

    private Map<String, Known> known() {
        Map<String, Known> known = new LinkedHashMap<>();
        redis().hgetall(MODULES).forEach((name, value) -> known.put(name, Known.parse(name, value)));
        return known;
    }

    // ---- modules coming and going

    void moduleArrived(BundleContext context, GraphModule module) {
        Known entry = new Known(module.name(), module.task(), module.queue(), List.copyOf(module.dependsOn()));
        present.put(module.name(), entry);
        rememberPresentQuietly();
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(TaskHandler.TASK, module.task());
        properties.put(TaskHandler.QUEUE, module.queue());
        handlers.put(module.name(), context.registerService(TaskHandler.class, job -> run(module, job), properties));
        LOG.info("Graph module {} registered: task {} on queue {}", module.name(), module.task(), module.queue());
    }

    void moduleLeft(GraphModule module) {
        present.remove(module.name());
        ServiceRegistration<TaskHandler> registration = handlers.remove(module.name());
        if (registration != null) {
            registration.unregister();
        }
        LOG.info("Graph module {} went away; its jobs park until it returns", module.name());
    }

    void close() {
        handlers.values().forEach(ServiceRegistration::unregister);
        handlers.clear();
    }

    // ---- entries

    /** Remembers the present modules if the broker is bound; otherwise binding it does. */
    void rememberPresentQuietly() {
        try {
            rememberPresent();
        } catch (RuntimeException e) {
            LOG.debug("Graph modules will be remembered once the broker is bound ({})", e.getMessage());
        }
    }

    /** Writes the modules present now into the remembered ones. */
    private void rememberPresent() {
        present.values().forEach(module -> redis().hset(MODULES, module.name(), module.format()));
    }

    /** Enqueues the jobs of the modules that depend on nothing (the others follow as these finish). */
    void submit(Entry entry) {
        rememberPresent();
        roots().forEach(module -> enqueue(module, entry));
    }

    /**
     * Enqueues the jobs an unchanged entry lacks for its content as it is now: those that never got
     * enqueued because the broker went away between the write and the enqueue (of this version or
     * of an earlier one), and those of modules that depend on nothing and were registered since.
     */
    void submitMissing(Entry entry) {
        rememberPresent();
        Map<String, String> state = redis().hgetall(stateKey(entry.journal(), entry.id()));
        roots().filter(module -> !unique(module, entry).equals(state.get(module.name() + ".unique")))
                .forEach(module -> enqueue(module, entry));
    }

    private Stream<Known> roots() {
        return known().values().stream().filter(module -> module.dependsOn().isEmpty());
    }

    private void enqueue(Known module, Entry entry) {
        String stamp = Long.toString(entry.edited().toEpochMilli());
        String payload = entry.journal() + SEPARATOR + entry.id() + SEPARATOR + stamp;
        String unique = unique(module, entry);
        String job = queues.get().enqueue(module.queue(), module.task(), payload, EnqueueOptions.unique(unique));
        Long recorded = redis().eval(WAITING, ScriptOutputType.INTEGER,
                new String[] {stateKey(entry.journal(), entry.id())}, module.name(), job, unique);
        if (recorded == 1) {
            announce(entry.journal(), entry.id(), module.name(), "waiting");
        }
    }

    /** The unique key of a module's job for an entry as last edited. */
    private static String unique(Known module, Entry entry) {
        return module.name() + ":" + entry.journal() + "/" + entry.id() + "@" + entry.edited().toEpochMilli();
    }

    /** Cancels an entry's waiting jobs and removes its results. */
    void removed(String journal, String id) {
        Map<String, String> state = redis().hgetall(stateKey(journal, id));
        for (Known module : known().values()) {
            String unique = state.get(module.name() + ".unique");
            if (unique != null) {
                queues.get().cancel(module.queue(), unique);
            }
        }
        graph.removeEntry(journal, id);
        redis().del(stateKey(journal, id));
        announce(journal, id, "*", "deleted");
    }

    /** Each module's state for an entry; a job that failed shows as retrying, dead or parked. */
    Map<String, String> progress(String journal, String id) {
        Map<String, String> state = redis().hgetall(stateKey(journal, id));
        Map<String, String> progress = new LinkedHashMap<>();
        for (Known module : known().values()) {
            String value = state.get(module.name());
            if (value == null) {
                continue;
            }
            if (!value.equals("done")) {
                String job = state.get(module.name() + ".job");
                Optional<JobInfo> info = job == null ? Optional.empty() : queues.get().job(module.queue(), job);
                if (info.isPresent() && (info.get().state() == JobState.DEAD || info.get().state() == JobState.PARKED
                        || info.get().state() == JobState.DELAYED)) {
                    value = info.get().state() == JobState.DELAYED ? "retrying"
                            : info.get().state().name().toLowerCase(Locale.ROOT);
                } else if (queues.get().isPaused(module.queue()) && !value.equals("running")) {
                    value = "waiting for " + module.queue();
                }
            }
            progress.put(module.name(), value);
        }
        return progress;
    }

    private static String stateKey(String journal, String id) {
        return "skein:journal:{" + journal + "}:state:" + id;
    }

    private void announce(String journal, String id, String module, String state) {
        redis().publish("skein:journal:{" + journal + "}:progress", id + " " + module + " " + state);
    }

    // ---- running a module's job

    private void run(GraphModule module, JobContext job) throws Exception {
        String[] payload = job.payload().split(SEPARATOR, -1);
        if (payload.length != 3) {
            throw new PermanentFailure("Payload is not JOURNAL, ID and EDIT TIME");
        }
        String journal = payload[0];
        String id = payload[1];
        try {
            Validation.journal(journal);
            Validation.id(id);
        } catch (JournalException e) {
            throw new PermanentFailure(e.getMessage(), e);
        }
        // A read that fails throws: the job is retried, not taken for one whose entry was deleted.
        Optional<Entry> entry = entries.read(journal, id);
        if (entry.isEmpty() || !Long.toString(entry.get().edited().toEpochMilli()).equals(payload[2])) {
            return; // deleted, or edited since: the newer job does the work
        }
        setState(journal, id, module.name(), job.id(), "running");
        module.process(entry.get(), graph);
        Optional<Entry> after = entries.read(journal, id);
        if (after.isEmpty()) {
            graph.removeEntry(journal, id);
            return;
        }
        setState(journal, id, module.name(), job.id(), "done");
        enqueueDependents(module.name(), after.get());
    }

    /** A module's state for an entry, with the job it comes from (see {@link #WAITING}). */
    private void setState(String journal, String id, String module, String job, String state) {
        redis().hset(stateKey(journal, id), Map.of(module, state, module + ".job", job));
        announce(journal, id, module, state);
    }

    private void enqueueDependents(String done, Entry entry) {
        Map<String, String> state = redis().hgetall(stateKey(entry.journal(), entry.id()));
        List<Known> ready = new ArrayList<>();
        for (Known module : known().values()) {
            if (module.dependsOn().contains(done)
                    && module.dependsOn().stream().allMatch(d -> "done".equals(state.get(d)))) {
                ready.add(module);
            }
        }
        ready.forEach(module -> enqueue(module, entry));
    }
}
