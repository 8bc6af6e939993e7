package io.skein.inference.internal;

import io.skein.broker.BrokerService;
import io.skein.inference.Entity;
import io.skein.inference.InferenceException;
import io.skein.inference.InferenceService;
import io.skein.inference.ModelState;
import io.skein.inference.ModelState.Status;
import io.skein.queue.JobInfo;
import io.skein.queue.JobState;
import io.skein.queue.QueueService;
import io.skein.queue.QueueStats;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link InferenceService}: the backend of configuration {@code skein.inference}, loaded on
 * the first extraction, and unloaded when no runnable work is left for it (waiting or running jobs
 * of the inference queue, or retries due within the idle time; parked, dead, far-delayed and
 * paused jobs do not count) and it has been idle for {@code idle} seconds, at once when inference
 * is switched off, and when this component stops.
 *
 * <p>Extractions share a read lock; loading and unloading take the write lock, so the model is
 * loaded once however many workers ask, and is never unloaded under a running extraction.
 */
@Component(service = InferenceService.class, immediate = true, configurationPid = InferenceConfig.PID)
@Designate(ocd = InferenceConfig.class)
public final class ModelLifecycle implements InferenceService {

    private static final Logger LOG = LoggerFactory.getLogger(ModelLifecycle.class);
    static final String SWITCH = "skein:inference:enabled";
    private static final Duration CHECK_EVERY = Duration.ofSeconds(1);

    private final BrokerService broker;
    private final QueueService queues;
    private final Backend backend;
    private final Duration idle;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "skein-inference"));

    private volatile Status status = Status.UNLOADED;
    private volatile Instant lastLoaded;
    private volatile String lastUnloadReason;
    private volatile long lastUsed = System.nanoTime();
    private volatile boolean enabled = true;

    @Activate
    public ModelLifecycle(@Reference BrokerService broker, @Reference QueueService queues, InferenceConfig config) {
        this.broker = broker;
        this.queues = queues;
        this.backend = backend(config);
        this.idle = Duration.ofSeconds(Math.max(1, config.idle()));
        try {
            this.enabled = readSwitch();
            if (!enabled && !queues.isPaused(QUEUE)) {
                queues.pause(QUEUE);
            }
        } catch (RuntimeException e) {
            // the broker is restarting; the check below reads the switch again within a second
            LOG.warn("Inference could not read its switch yet ({}); taking it as on until it can", e.getMessage());
        }
        timer.scheduleWithFixedDelay(this::check, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
        LOG.info("Inference {} with {}; the model loads on first need and unloads after {} s without runnable work",
                enabled ? "on" : "off (the inference queue is paused)", backend.describe(), idle.toSeconds());
    }

    private static Backend backend(InferenceConfig config) {
        String kind = config.backend().trim().toLowerCase(Locale.ROOT);
        switch (kind) {
            case "openai":
                if (config.endpoint().isBlank() || config.model().isBlank()) {
                    throw new IllegalArgumentException("Configuration " + InferenceConfig.PID
                            + ": backend openai needs endpoint and model");
                }
                return new OpenAiBackend(URI.create(config.endpoint().trim()), config.model().trim(),
                        config.api_key(), Duration.ofSeconds(config.connect_timeout()),
                        Duration.ofSeconds(config.timeout()));
            case "embedded":
                return new EmbeddedBackend();
            default:
                throw new IllegalArgumentException("Configuration " + InferenceConfig.PID + ": backend \""
                        + config.backend() + "\" is neither \"embedded\" nor \"openai\"");
        }
    }

    // ---- extraction and the model's lifecycle

    @Override
    public List<Entity> extract(String text) throws InferenceException {
        if (!enabled && !switchedOnElsewhere()) {
            throw new IllegalStateException("Inference is switched off");
        }
        while (true) {
            lock.readLock().lock();
            try {
                if (status == Status.LOADED) {
                    lastUsed = System.nanoTime();
                    List<Entity> entities = backend.extract(text);
                    lastUsed = System.nanoTime();
                    return entities;
                }
            } finally {
                lock.readLock().unlock();
            }
            load("work arrived");
        }
    }

    private void load(String why) throws InferenceException {
        lock.writeLock().lock();
        try {
            if (status == Status.LOADED) {
                return;
            }
            status = Status.LOADING;
            long started = System.nanoTime();
            try {
                backend.load();
            } catch (InferenceException | RuntimeException e) {
                status = Status.UNLOADED;
                throw e;
            }
            status = Status.LOADED;
            lastLoaded = Instant.now();
            lastUsed = System.nanoTime();
            LOG.info("Model loaded ({}) in {} ms: {}", why, (System.nanoTime() - started) / 1_000_000,
                    backend.describe());
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void unload(String why) {
        lock.writeLock().lock();
        try {
            if (status != Status.LOADED) {
                return;
            }
            status = Status.UNLOADING;
            backend.unload();
            status = Status.UNLOADED;
            lastUnloadReason = why;
            LOG.info("Model unloaded: {}", why);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Once a second: follow the switch, and unload an idle model with no runnable work. */
    private void check() {
        try {
            boolean now = readSwitch();
            if (now != enabled) {
                enabled = now;
                LOG.info("Inference switched {} (seen on this host)", now ? "on" : "off");
            }
            if (status != Status.LOADED) {
                return;
            }
            if (!enabled) {
                unload("inference switched off");
            } else if (System.nanoTime() - lastUsed >= idle.toNanos() && !runnableWork()) {
                unload("idle for " + idle.toSeconds() + " s with no runnable work");
            }
        } catch (RuntimeException e) {
            LOG.debug("Inference check failed: {}", e.getMessage());
        }
    }

    /** Jobs that may run soon: waiting, running, or a retry due within the idle time. */
    boolean runnableWork() {
        QueueStats stats = queues.stats(QUEUE);
        if (stats.paused()) {
            return false;
        }
        if (stats.waiting() + stats.active() > 0) {
            return true;
        }
        Instant horizon = Instant.now().plus(idle);
        for (JobInfo job : queues.jobs(QUEUE, JobState.DELAYED, 100)) {
            if (job.dueAt() != null && job.dueAt().isBefore(horizon)) {
                return true;
            }
        }
        return false;
    }

    // ---- the switch

    /**
     * Whether another host switched inference on since this host last looked (it looks once a
     * second): that host resumed the queue at once, so its jobs may reach this host first.
     */
    private boolean switchedOnElsewhere() {
        try {
            if (readSwitch()) {
                enabled = true;
                LOG.info("Inference switched on (seen on this host)");
                return true;
            }
        } catch (RuntimeException e) {
            LOG.debug("Inference switch unreadable: {}", e.getMessage());
        }
        return false;
    }

    private boolean readSwitch() {
        return !"0".equals(broker.commands().sync().get(SWITCH));
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean on) {
        if (on) {
            broker.commands().sync().set(SWITCH, "1");
            queues.resume(QUEUE);
            enabled = true;
            LOG.info("Inference switched on; the inference queue resumes");
        } else {
            broker.commands().sync().set(SWITCH, "0");
            queues.pause(QUEUE);
            enabled = false;
            LOG.info("Inference switched off; the inference queue is paused and the model unloads");
            timer.execute(() -> unload("inference switched off"));
        }
    }

    @Override
    public ModelState state() {
        return new ModelState(status, backend.describe(), status == Status.LOADED ? backend.memoryBytes() : 0,
                lastLoaded, lastUnloadReason, enabled);
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
        unload("the inference bundle stopped");
    }
}
