package io.skein.queue.internal;

import static io.skein.queue.internal.Scripts.Script.COMPLETE;
import static io.skein.queue.internal.Scripts.Script.FAIL;
import static io.skein.queue.internal.Scripts.Script.MALFORMED;
import static io.skein.queue.internal.Scripts.Script.PARK;
import static io.skein.queue.internal.Scripts.Script.PROMOTE;
import static io.skein.queue.internal.Scripts.Script.REQUEUE;
import static io.skein.queue.internal.Scripts.Script.UNPARK;

import io.lettuce.core.Consumer;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XClaimArgs;
import io.lettuce.core.XPendingArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.models.stream.PendingMessage;
import io.skein.broker.BrokerService;
import io.skein.queue.JobInfo;
import io.skein.queue.JobState;
import io.skein.queue.PermanentFailure;
import io.skein.queue.RetryPolicy.Decision;
import io.skein.queue.RetryPolicy.Failure;
import io.skein.queue.RetryPolicy.LostJob;
import io.skein.queue.TaskHandler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workers of one queue on this host.
 *
 * <p>One fetcher reads as many jobs as there are free slots with a blocking {@code XREADGROUP} on a
 * dedicated connection, and hands them to a pool of {@code concurrency} threads. A job is
 * acknowledged only when its handler returned (or its failure was recorded). A timer renews the
 * leases of running jobs (by re-claiming their entries, which resets their idle time), takes jobs
 * whose lease expired on other workers and records them as failures, promotes due delayed jobs, and
 * returns parked jobs whose task now has a handler.
 */
final class QueueWorkers {

    private static final Logger LOG = LoggerFactory.getLogger(QueueWorkers.class);
    private static final Duration PROMOTE_AT_LEAST_EVERY = Duration.ofMillis(250);
    private static final Duration UNPARK_EVERY = Duration.ofSeconds(5);
    private static final int BATCH = 100;

    private final String queue;
    private final Keys keys;
    private final WorkerSettings settings;
    private final BrokerService broker;
    private final Scripts scripts;
    private final Function<String, TaskHandler> handlers;
    private final Function<Failure, Decision> policy;
    private final Runnable onPrepare;
    private final String consumer;
    private final Semaphore slots;
    private final ExecutorService pool;
    private final ScheduledExecutorService timer;
    private final Set<ActiveJob> active = ConcurrentHashMap.newKeySet();
    private final Object pauseSignal = new Object();
    private final Thread fetcher;

    private volatile StatefulRedisConnection<String, String> blocking;
    private volatile boolean paused;
    private volatile boolean stopping;
    private volatile String outage;

    QueueWorkers(String queue, WorkerSettings settings, BrokerService broker, Scripts scripts,
            Function<String, TaskHandler> handlers, Function<Failure, Decision> policy, Runnable onPrepare,
            String hostId) {
        this.queue = queue;
        this.keys = new Keys(queue);
        this.settings = settings;
        this.broker = broker;
        this.scripts = scripts;
        this.handlers = handlers;
        this.policy = policy;
        this.onPrepare = onPrepare;
        this.consumer = hostId + "-" + queue;
        this.slots = new Semaphore(settings.concurrency());
        AtomicInteger number = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(settings.concurrency(),
                runnable -> daemon(runnable, "skein-queue-" + queue + "-" + number.incrementAndGet()));
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "skein-queue-" + queue
                + "-timer"));
        this.fetcher = daemon(this::fetchLoop, "skein-queue-" + queue + "-fetch");
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    String queue() {
        return queue;
    }

    void start() {
        try {
            onPrepare.run();
            paused = broker.commands().sync().exists(keys.paused()) == 1;
        } catch (RuntimeException e) {
            // the broker is restarting: the fetcher creates the group on its first read, the timer reads the flag
            LOG.warn("Queue(name={}) starts before the broker answers ({}); it catches up on its own", queue,
                    Failures.message(e));
        }
        blocking = broker.openBlocking(settings.block());
        // Jobs this consumer held in an earlier life in this process (the queue restarted with the
        // broker, say) have no worker now: back to the stream at once, not after a lease.
        returnUnstarted();
        fetcher.start();
        long lease = settings.lease().toMillis();
        timer.scheduleWithFixedDelay(this::renewLeases, lease / 3, lease / 3, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::recoverLost, jitter(lease / 2), lease / 2, TimeUnit.MILLISECONDS);
        timer.schedule(this::promote, 0, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::unparkAll, 0, UNPARK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::refreshPaused, 5, 5, TimeUnit.SECONDS);
        LOG.info("Queue(name={}) workers started: concurrency {}, lease {} s, consumer {}{}", queue,
                settings.concurrency(), settings.lease().toSeconds(), consumer, paused ? "; the queue is paused" : "");
    }

    private static long jitter(long bound) {
        return ThreadLocalRandom.current().nextLong(Math.max(1, bound));
    }

    // ---- taking jobs

    private void fetchLoop() {
        while (!stopping) {
            try {
                if (paused) {
                    awaitResume();
                    continue;
                }
                slots.acquire();
                int wanted = 1 + slots.drainPermits();
                List<StreamMessage<String, String>> taken = List.of();
                try {
                    taken = read(wanted);
                } finally {
                    // slots not filled, including all of them when the read failed
                    slots.release(wanted - taken.size());
                }
                if (taken.isEmpty()) {
                    continue;
                }
                if (isPausedNow()) {
                    taken.forEach(message -> giveBack(message.getId(), message.getBody().get("id"), "queue paused"));
                    slots.release(taken.size());
                    continue;
                }
                for (StreamMessage<String, String> message : taken) {
                    pool.execute(() -> {
                        try {
                            run(message);
                        } finally {
                            slots.release();
                        }
                    });
                }
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                if (stopping) {
                    break;
                }
                reportOutage(e);
                pauseAfterError();
            }
        }
    }

    private List<StreamMessage<String, String>> read(int count) {
        try {
            List<StreamMessage<String, String>> taken = blocking.sync().xreadgroup(
                    Consumer.from(Keys.GROUP, consumer),
                    XReadArgs.Builder.block(settings.block().toMillis()).count(count),
                    StreamOffset.lastConsumed(keys.stream()));
            if (outage != null) {
                LOG.info("Queue(name={}) reads jobs again", queue);
                outage = null;
            }
            return taken;
        } catch (RedisException e) {
            if (String.valueOf(e.getMessage()).startsWith("NOGROUP")) {
                onPrepare.run();
                return List.of();
            }
            throw e;
        }
    }

    private void reportOutage(RuntimeException e) {
        String message = Failures.message(e);
        if (outage == null) {
            LOG.warn("Queue(name={}) cannot read jobs: {}; trying again every second", queue, message);
        }
        outage = message;
    }

    private void pauseAfterError() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean isPausedNow() {
        paused = broker.commands().sync().exists(keys.paused()) == 1;
        return paused;
    }

    private void awaitResume() throws InterruptedException {
        synchronized (pauseSignal) {
            if (paused && !stopping) {
                pauseSignal.wait(5000);
            }
        }
    }

    /** A pause or resume announced on the queue's control channel. */
    void onControl(String message) {
        if ("pause".equals(message) || "resume".equals(message)) {
            paused = "pause".equals(message);
            LOG.info("Queue(name={}) {}", queue, paused ? "paused: running jobs finish, no new job starts"
                    : "resumed");
            synchronized (pauseSignal) {
                pauseSignal.notifyAll();
            }
        }
    }

    private void refreshPaused() {
        try {
            boolean now = broker.commands().sync().exists(keys.paused()) == 1;
            if (now != paused) {
                onControl(now ? "pause" : "resume");
            }
        } catch (RedisException e) {
            // the fetcher reports outages
        }
    }

    // ---- running one job

    private void run(StreamMessage<String, String> message) {
        Delivery delivery = readOrDeadLetter(message);
        if (delivery == null) {
            return;
        }
        TaskHandler handler = handlers.apply(delivery.task());
        if (handler == null) {
            park(delivery);
            return;
        }
        ActiveJob job = new ActiveJob(queue, delivery, Thread.currentThread(), () -> timer.execute(this::renewLeases));
        active.add(job);
        try {
            Throwable error = null;
            try {
                handler.handle(job);
            } catch (Exception | LinkageError | AssertionError e) {
                error = e;
            }
            // The outcome is recorded whether or not the handler was interrupted on the way.
            Thread.interrupted();
            if (job.returned()) {
                return;
            }
            if (error == null) {
                complete(job);
            } else if (error instanceof PermanentFailure) {
                fail(job, Decision.deadLetter("permanent failure: " + Failures.message(error)), error);
            } else {
                fail(job, decide(job, error), error);
            }
        } finally {
            active.remove(job);
        }
    }

    private Decision decide(ActiveJob job, Throwable error) {
        if (job.isCancelled()) {
            return Decision.deadLetter("cancelled");
        }
        try {
            return policy.apply(new Failure(info(job.delivery(), JobState.ACTIVE, Failures.message(error)),
                    job.attempt(), error));
        } catch (RuntimeException e) {
            LOG.error("{} retry policy failed ({}); retrying in 60 s", job, Failures.message(e));
            return Decision.retryAfter(Duration.ofSeconds(60));
        }
    }

    private JobInfo info(Delivery delivery, JobState state, String failure) {
        return new JobInfo(delivery.id(), queue, delivery.task(), state, delivery.attempt(), delivery.payload(),
                null, null, null, failure);
    }

    private void complete(ActiveJob job) {
        Delivery d = job.delivery();
        try {
            Long done = persistently(() -> scripts.<Long>call(COMPLETE, ScriptOutputType.INTEGER,
                    new String[] {keys.stream(), keys.unique(), keys.job(d.id()), keys.completed(),
                        keys.completedCount()},
                    Keys.GROUP, d.sid(), d.id(), Integer.toString(d.attempt()),
                    Jobs.completedLine(d.id(), d.task(), d.attempt())));
            if (done == 1) {
                LOG.debug("{} completed in {} ms", job, job.elapsedMillis());
            } else {
                LOG.warn("{} completed, but meanwhile it had been taken as lost or cancelled; its later run counts",
                        job);
            }
        } catch (RuntimeException e) {
            LOG.warn("{} completed, but the broker did not take the acknowledgement ({}); it will run again after "
                    + "its lease", job, Failures.message(e));
        }
    }

    private void fail(ActiveJob job, Decision decision, Throwable error) {
        record(job.delivery(), decision, Failures.message(error), job.toString());
    }

    /** Records a failed run as the policy decided; logs it at the level of its consequence. */
    private void record(Delivery d, Decision decision, String error, String who) {
        boolean retry = decision instanceof Decision.Retry;
        long delay = retry ? ((Decision.Retry) decision).delay().toMillis() : 0;
        String reason = retry ? error : ((Decision.DeadLetter) decision).reason();
        try {
            Long outcome = persistently(() -> scripts.<Long>call(FAIL, ScriptOutputType.INTEGER,
                    new String[] {keys.stream(), keys.delayed(), keys.dead(), keys.unique(), keys.job(d.id())},
                    Keys.GROUP, d.sid(), d.id(), Integer.toString(d.attempt()), retry ? "retry" : "dead",
                    Long.toString(delay), reason));
            if (outcome == 2) {
                LOG.info("{} was cancelled; dropped", who);
            } else if (outcome == 1 && retry) {
                LOG.warn("{} failed: {}; retry in {} ms", who, error, delay);
            } else if (outcome == 1) {
                LOG.warn("{} dead-lettered: {}", who, reason);
            }
        } catch (RuntimeException e) {
            LOG.warn("{} failed ({}), and the broker did not take the failure ({}); it will be retried after its "
                    + "lease", who, error, Failures.message(e));
        }
    }

    /**
     * Runs an outcome's script, trying again through a short broker outage (a restart, say) for up
     * to half a lease; the job stays in the running set meanwhile, so its lease is still renewed.
     */
    private <T> T persistently(java.util.function.Supplier<T> call) {
        long deadline = System.nanoTime() + settings.lease().toNanos() / 2;
        long pause = 50;
        while (true) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                if (stopping || System.nanoTime() + pause * 1_000_000 > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pause = Math.min(1000, pause * 2);
            }
        }
    }

    private void park(Delivery d) {
        try {
            scripts.call(PARK, ScriptOutputType.INTEGER, new String[] {keys.stream(), keys.parked(d.task()),
                keys.parkedTasks(), keys.job(d.id())}, Keys.GROUP, d.sid(), d.id(), d.task());
            LOG.info("Job(id={}, queue={}, task={}) parked: no handler for its task here; it runs when one registers",
                    d.id(), queue, d.task());
        } catch (RuntimeException e) {
            LOG.warn("Job(id={}, queue={}) could not be parked ({}); it will be retried after its lease", d.id(),
                    queue, Failures.message(e));
        }
    }

    /** The job of an entry, or {@code null} when the entry was not a job and went to the dead letters. */
    private Delivery readOrDeadLetter(StreamMessage<String, String> message) {
        try {
            return Delivery.parse(message);
        } catch (Delivery.Malformed e) {
            deadLetterMalformed(message, e.getMessage());
            return null;
        }
    }

    private void deadLetterMalformed(StreamMessage<String, String> message, String reason) {
        String raw = String.valueOf(message.getBody());
        String id = "malformed-" + message.getId();
        try {
            scripts.call(MALFORMED, ScriptOutputType.INTEGER, new String[] {keys.stream(), keys.dead(), keys.job(id)},
                    Keys.GROUP, message.getId(), id, raw.length() > 10_000 ? raw.substring(0, 10_000) : raw,
                    "malformed entry: " + reason);
            LOG.warn("Job(id={}, queue={}) dead-lettered: malformed entry: {}", id, queue, reason);
        } catch (RuntimeException e) {
            LOG.warn("Queue(name={}) could not dead-letter malformed entry {} ({})", queue, message.getId(),
                    Failures.message(e));
        }
    }

    private void giveBack(String sid, String id, String why) {
        try {
            scripts.call(REQUEUE, ScriptOutputType.INTEGER, new String[] {keys.stream(), keys.job(String.valueOf(id))},
                    Keys.GROUP, sid, String.valueOf(id));
            LOG.debug("Job(id={}, queue={}) returned to the queue: {}", id, queue, why);
        } catch (RuntimeException e) {
            LOG.warn("Job(id={}, queue={}) could not be returned ({}): {}; it will be taken as lost after its lease",
                    id, queue, why, Failures.message(e));
        }
    }

    // ---- the timer's work

    private void renewLeases() {
        if (active.isEmpty()) {
            return;
        }
        Map<String, ActiveJob> bySid = new HashMap<>();
        active.forEach(job -> bySid.put(job.delivery().sid(), job));
        try {
            List<StreamMessage<String, String>> kept = broker.commands().sync().xclaim(keys.stream(),
                    Consumer.from(Keys.GROUP, consumer), XClaimArgs.Builder.minIdleTime(0).justid(),
                    bySid.keySet().toArray(new String[0]));
            Set<String> keptIds = new java.util.HashSet<>();
            kept.forEach(message -> keptIds.add(message.getId()));
            for (ActiveJob job : bySid.values()) {
                String cancel = broker.commands().sync().hget(keys.job(job.id()), "cancel");
                if ("1".equals(cancel)) {
                    job.cancel();
                } else if (!keptIds.contains(job.delivery().sid()) && active.contains(job)) {
                    LOG.warn("{} lost its lease (its entry is gone from the stream); its outcome will not count", job);
                    job.cancel();
                }
            }
        } catch (RedisException e) {
            LOG.debug("Queue(name={}) could not renew leases: {}", queue, Failures.message(e));
        }
    }

    /** Takes jobs whose lease expired on another (dead) worker and records each as a failure. */
    private void recoverLost() {
        try {
            List<PendingMessage> expired = broker.commands().sync().xpending(keys.stream(),
                    XPendingArgs.Builder.xpending(Keys.GROUP, Range.create("-", "+"), Limit.from(BATCH))
                            .idle(settings.lease()));
            if (expired.isEmpty()) {
                return;
            }
            Map<String, PendingMessage> byId = new HashMap<>();
            expired.forEach(p -> byId.put(p.getId(), p));
            List<StreamMessage<String, String>> claimed = broker.commands().sync().xclaim(keys.stream(),
                    Consumer.from(Keys.GROUP, consumer), XClaimArgs.Builder.minIdleTime(settings.lease()),
                    byId.keySet().toArray(new String[0]));
            for (StreamMessage<String, String> message : claimed) {
                recoverOne(message, byId.get(message.getId()));
            }
        } catch (RedisException e) {
            LOG.debug("Queue(name={}) could not look for lost jobs: {}", queue, Failures.message(e));
        }
    }

    private void recoverOne(StreamMessage<String, String> message, PendingMessage pending) {
        if (message.getBody() == null || message.getBody().isEmpty()) {
            broker.commands().sync().xack(keys.stream(), Keys.GROUP, message.getId());
            return;
        }
        Delivery delivery = readOrDeadLetter(message);
        if (delivery == null) {
            return;
        }
        String lost = "lost its worker " + (pending == null ? "?" : pending.getConsumer()) + " (no lease renewal for "
                + (pending == null ? "?" : pending.getMsSinceLastDelivery()) + " ms)";
        LostJob error = new LostJob(lost);
        Decision decision;
        try {
            decision = policy.apply(new Failure(info(delivery, JobState.ACTIVE, lost), delivery.attempt(), error));
        } catch (RuntimeException e) {
            decision = Decision.retryAfter(Duration.ofSeconds(60));
        }
        record(delivery, decision, lost, "Job(id=" + delivery.id() + ", queue=" + queue + ", task=" + delivery.task()
                + ", attempt=" + delivery.attempt() + ")");
    }

    private void promote() {
        if (stopping) {
            return;
        }
        long wait = PROMOTE_AT_LEAST_EVERY.toMillis();
        try {
            List<Object> result = scripts.call(PROMOTE, ScriptOutputType.MULTI,
                    new String[] {keys.stream(), keys.delayed()}, keys.jobPrefix(), Integer.toString(BATCH));
            long moved = (Long) result.get(0);
            long next = (Long) result.get(1);
            if (moved == BATCH) {
                wait = 0;
            } else if (next >= 0) {
                wait = Math.max(5, Math.min(wait, next - System.currentTimeMillis()));
            }
        } catch (RuntimeException e) {
            LOG.debug("Queue(name={}) could not promote delayed jobs: {}", queue, Failures.message(e));
        }
        if (!stopping) {
            timer.schedule(this::promote, wait, TimeUnit.MILLISECONDS);
        }
    }

    /** Returns parked jobs of {@code task} to the stream (a handler for it is here now). */
    void unpark(String task) {
        if (stopping) {
            return;
        }
        timer.execute(() -> unparkNow(task));
    }

    private void unparkNow(String task) {
        try {
            long total = 0;
            long moved;
            do {
                moved = scripts.<Long>call(UNPARK, ScriptOutputType.INTEGER,
                        new String[] {keys.stream(), keys.parked(task)}, keys.jobPrefix(), Integer.toString(BATCH));
                total += moved;
            } while (moved == BATCH);
            if (total > 0) {
                LOG.info("Queue(name={}) returned {} parked job(s) of task {} to the queue", queue, total, task);
            }
        } catch (RuntimeException e) {
            LOG.debug("Queue(name={}) could not unpark {}: {}", queue, task, Failures.message(e));
        }
    }

    private void unparkAll() {
        try {
            for (String task : broker.commands().sync().smembers(keys.parkedTasks())) {
                if (handlers.apply(task) != null) {
                    unparkNow(task);
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("Queue(name={}) could not look for parked jobs: {}", queue, Failures.message(e));
        }
    }

    // ---- stopping

    /**
     * Stops taking jobs, lets running ones finish within the grace period while their leases are
     * still renewed, and returns the rest to the queue.
     */
    void stop() {
        stopping = true;
        synchronized (pauseSignal) {
            pauseSignal.notifyAll();
        }
        // Closed to the end here (which also ends a blocking read): a close still under way when the
        // broker stops its client would be closed a second time, and Lettuce warns about that.
        StatefulRedisConnection<String, String> connection = blocking;
        if (connection != null) {
            connection.close();
        }
        fetcher.interrupt();
        join(fetcher);
        pool.shutdown();
        boolean finished = awaitPool(settings.shutdownGrace());
        if (!finished) {
            for (ActiveJob job : List.copyOf(active)) {
                job.markReturned();
                giveBack(job.delivery().sid(), job.id(), "the host stopped");
                LOG.warn("{} still ran when the host stopped after {} s; returned to the queue", job,
                        settings.shutdownGrace().toSeconds());
            }
            awaitPool(Duration.ofSeconds(2));
        }
        returnUnstarted();
        timer.shutdownNow();
        LOG.info("Queue(name={}) workers stopped", queue);
    }

    /** Entries this consumer was given but never started (a read that ended as the host stopped). */
    private void returnUnstarted() {
        try {
            List<PendingMessage> mine = broker.commands().sync().xpending(keys.stream(),
                    XPendingArgs.Builder.xpending(Consumer.from(Keys.GROUP, consumer), Range.create("-", "+"),
                            Limit.from(1000)));
            Set<String> running = new java.util.HashSet<>();
            active.forEach(job -> running.add(job.delivery().sid()));
            List<String> unstarted = new ArrayList<>();
            mine.stream().map(PendingMessage::getId).filter(id -> !running.contains(id)).forEach(unstarted::add);
            for (String sid : unstarted) {
                List<StreamMessage<String, String>> entry = broker.commands().sync().xrange(keys.stream(),
                        Range.create(sid, sid));
                giveBack(sid, entry.isEmpty() ? null : entry.get(0).getBody().get("id"), "the host stopped");
            }
        } catch (RuntimeException e) {
            LOG.warn("Queue(name={}) could not return unstarted jobs ({}); they run again after their lease", queue,
                    Failures.message(e));
        }
    }

    private boolean awaitPool(Duration grace) {
        try {
            return pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
