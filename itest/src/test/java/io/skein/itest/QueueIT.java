package io.skein.itest;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import io.skein.broker.BrokerService;
import io.skein.queue.EnqueueOptions;
import io.skein.queue.JobContext;
import io.skein.queue.JobInfo;
import io.skein.queue.JobState;
import io.skein.queue.QueueService;
import io.skein.queue.QueueStats;
import io.skein.queue.RetryPolicy;
import io.skein.queue.TaskHandler;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import javax.inject.Inject;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The queue in a real Felix with the real bundles and a real embedded redis-server. Each test
 * uses queues of its own; handlers and policies are services registered by the test (or bundles
 * it installs), like any other bundle's.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class QueueIT extends ExamSupport {

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private final List<Bundle> installed = new ArrayList<>();

    @Before
    public void configure() throws Exception {
        update("skein.broker", Map.of("data.dir", System.getProperty("skein.home")));
        update("skein.queue", Map.of("lease", "2", "shutdown.timeout", "2", "block", "500",
                "queue.parking.concurrency", "2"));
        update("skein.retry.backoff", Map.of("attempts", "3", "base", "0.05", "max", "0.2"));
        queue();
    }

    @After
    public void cleanUp() throws Exception {
        registrations.forEach(ServiceRegistration::unregister);
        for (Bundle bundle : installed) {
            bundle.uninstall();
        }
    }

    private QueueService queue() throws InterruptedException {
        return service(QueueService.class);
    }

    private BrokerService broker() throws InterruptedException {
        return service(BrokerService.class);
    }

    /** Registers a handler for {@code task} on {@code queue}. */
    private void handle(String queue, String task, TaskHandler handler) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(TaskHandler.TASK, task);
        properties.put(TaskHandler.QUEUE, queue);
        registrations.add(context.registerService(TaskHandler.class, handler, properties));
    }

    private ServiceRegistration<RetryPolicy> policy(String name, int ranking, RetryPolicy.Decision decision) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Constants.SERVICE_RANKING, ranking);
        ServiceRegistration<RetryPolicy> registration = context.registerService(RetryPolicy.class, new RetryPolicy() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Decision decide(Failure failure) {
                return decision;
            }
        }, properties);
        registrations.add(registration);
        return registration;
    }

    private QueueStats stats(String queue) throws InterruptedException {
        return queue().stats(queue);
    }

    /** Counts runs per payload. */
    private static final class Counting implements TaskHandler {
        final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();

        @Override
        public void handle(JobContext job) throws Exception {
            runs.computeIfAbsent(job.payload(), p -> new AtomicInteger()).incrementAndGet();
        }

        int total() {
            return runs.values().stream().mapToInt(AtomicInteger::get).sum();
        }
    }

    @Test
    public void failingJobIsDeadLetteredAfterThePolicysAttemptsWhileAThousandGoodJobsFlow() throws Exception {
        Counting good = new Counting();
        AtomicInteger failures = new AtomicInteger();
        handle("flow", "good", good);
        handle("flow", "boom", job -> {
            failures.incrementAndGet();
            throw new IllegalStateException("boom always fails");
        });
        QueueService queue = queue();

        String boom = queue.enqueue("flow", "boom", "x");
        List<String> payloads = IntStream.range(0, 1000).mapToObj(i -> "job-" + i).toList();
        queue.enqueueAll("flow", "good", payloads, EnqueueOptions.NONE);

        await("1000 completed and 1 dead", () -> {
            QueueStats s = queue.stats("flow");
            return s.completed() == 1000 && s.dead() == 1;
        });
        assertEquals(1000, good.runs.size());
        assertTrue("each good job ran once", good.runs.values().stream().allMatch(n -> n.get() == 1));
        assertEquals("the policy allows 3 attempts", 3, failures.get());
        JobInfo dead = queue.jobs("flow", JobState.DEAD, 10).get(0);
        assertEquals(boom, dead.id());
        assertThat(dead.failure(), containsString("gave up after 3 attempt(s)"));
        assertThat(dead.failure(), containsString("boom always fails"));
    }

    @Test
    public void retriesOfJobsThatFailedTogetherAreSpreadByJitter() throws Exception {
        update("skein.retry.backoff", Map.of("attempts", "3", "base", "2", "max", "2"));
        try {
            Map<String, Long> retriedAt = new ConcurrentHashMap<>();
            handle("jitter", "flaky", job -> {
                if (job.attempt() == 1) {
                    throw new IllegalStateException("first attempt fails");
                }
                retriedAt.put(job.payload(), System.currentTimeMillis());
            });
            queue().enqueueAll("jitter", "flaky", IntStream.range(0, 40).mapToObj(i -> "j" + i).toList(),
                    EnqueueOptions.NONE);

            await("40 retried", () -> retriedAt.size() == 40);
            long first = retriedAt.values().stream().min(Long::compare).orElseThrow();
            long last = retriedAt.values().stream().max(Long::compare).orElseThrow();
            long buckets = retriedAt.values().stream().map(t -> (t - first) / 100).distinct().count();
            assertTrue("retries spread over " + (last - first) + " ms", last - first > 600);
            assertTrue("retries fall into " + buckets + " different 100 ms slots", buckets >= 6);
        } finally {
            update("skein.retry.backoff", Map.of("attempts", "3", "base", "0.05", "max", "0.2"));
        }
    }

    @Test
    public void swappedPolicyGovernsTheNextFailureWithoutLosingOrRepeatingJobs() throws Exception {
        Counting good = new Counting();
        List<Integer> failedAttempts = new CopyOnWriteArrayList<>();
        handle("swap", "good", good);
        handle("swap", "boom", job -> {
            failedAttempts.add(job.attempt());
            throw new IllegalStateException("boom");
        });
        QueueService queue = queue();
        AtomicBoolean feeding = new AtomicBoolean(true);
        AtomicInteger fed = new AtomicInteger();
        Thread feeder = new Thread(() -> {
            while (feeding.get()) {
                queue.enqueue("swap", "good", "g" + fed.getAndIncrement());
            }
        });
        feeder.start();
        try {
            ServiceRegistration<RetryPolicy> probe = policy("probe-policy", 100,
                    RetryPolicy.Decision.deadLetter("probe-policy gives up"));
            await("probe policy in force", () -> "probe-policy".equals(queue.retryPolicy()));
            String first = queue.enqueue("swap", "boom", "1");
            await("first boom dead", () -> deadReason(queue, "swap", first).contains("probe-policy gives up"));
            assertEquals(List.of(1), failedAttempts);

            Hashtable<String, Object> lower = new Hashtable<>();
            lower.put(Constants.SERVICE_RANKING, -1000);
            probe.setProperties(lower);
            await("backoff in force", () -> queue.retryPolicy().startsWith("exponential-backoff"));
            String second = queue.enqueue("swap", "boom", "2");
            await("second boom dead after 3 attempts", () -> deadReason(queue, "swap", second)
                    .contains("gave up after 3"));
            assertEquals(List.of(1, 1, 2, 3), failedAttempts);

            Bundle bundle = context.installBundle(TestBundles.policy(Files.createTempDirectory(
                    TestRoot.folder().toPath(), "policy")).toUri().toString());
            installed.add(bundle);
            bundle.start();
            await("bundle policy in force", () -> "bundle-policy".equals(queue.retryPolicy()));
            String third = queue.enqueue("swap", "boom", "3");
            await("third boom dead at once", () -> deadReason(queue, "swap", third).contains("bundle-policy"));
            assertEquals(List.of(1, 1, 2, 3, 1), failedAttempts);
        } finally {
            feeding.set(false);
            feeder.join();
        }
        await("every good job completed", () -> good.total() == fed.get());
        assertEquals("no good job lost", fed.get(), good.runs.size());
        assertTrue("no good job repeated", good.runs.values().stream().allMatch(n -> n.get() == 1));
    }

    private static String deadReason(QueueService queue, String name, String id) {
        return queue.job(name, id).filter(j -> j.state() == JobState.DEAD).map(JobInfo::failure).orElse("");
    }

    @Test
    public void jobWithoutHandlerIsParkedAndRunsWhenTheHandlersBundleIsInstalled() throws Exception {
        QueueService queue = queue();
        String id = queue.enqueue("parking", "test.record", "parked-1");
        await("parked", () -> queue.stats("parking").parked() == 1);
        assertEquals(JobState.PARKED, queue.job("parking", id).orElseThrow().state());
        assertEquals(0, queue.stats("parking").dead());

        Bundle bundle = context.installBundle(TestBundles.tasks(Files.createTempDirectory(TestRoot.folder().toPath(),
                "tasks"), "parking", "1.0.0").toUri().toString());
        installed.add(bundle);
        bundle.start();

        await("completed", () -> queue.stats("parking").completed() == 1);
        assertTrue(broker().commands().sync().sismember("skein-test:effects", "parked-1"));
        assertEquals(0, queue.stats("parking").parked());
    }

    @Test
    public void pausedQueueNeitherRunsNorFailsAndResumedQueueCompletesEverything() throws Exception {
        AtomicInteger started = new AtomicInteger();
        AtomicBoolean inFlightFinished = new AtomicBoolean();
        handle("pausing", "work", job -> {
            started.incrementAndGet();
            if (job.payload().equals("long")) {
                Thread.sleep(1500);
                inFlightFinished.set(true);
            }
        });
        QueueService queue = queue();
        queue.enqueue("pausing", "work", "long");
        await("the long job started", () -> started.get() == 1);

        queue.pause("pausing");
        queue.enqueueAll("pausing", "work", IntStream.range(0, 50).mapToObj(i -> "p" + i).toList(),
                EnqueueOptions.NONE);
        Thread.sleep(3000);
        assertTrue("the job in flight finished", inFlightFinished.get());
        assertEquals("nothing new started while paused", 1, started.get());
        QueueStats paused = queue.stats("pausing");
        assertTrue(paused.paused());
        assertEquals(50, paused.waiting());
        assertEquals(0, paused.dead());
        assertEquals(0, paused.delayed());

        queue.resume("pausing");
        await("all 51 completed", () -> queue.stats("pausing").completed() == 51);
        assertEquals(51, started.get());
    }

    @Test
    public void delayedRetryLongerThanTheLeaseIsNotDeliveredTwice() throws Exception {
        policy("retry-in-5s", 500, RetryPolicy.Decision.retryAfter(Duration.ofSeconds(5)));
        List<Long> runs = new CopyOnWriteArrayList<>();
        handle("late", "once-failing", job -> {
            runs.add(System.currentTimeMillis());
            if (job.attempt() == 1) {
                throw new IllegalStateException("first attempt fails");
            }
        });
        QueueService queue = queue();
        String id = queue.enqueue("late", "once-failing", "x");

        await("two runs", () -> runs.size() == 2);
        assertTrue("the retry waited its delay, not the 2 s lease", runs.get(1) - runs.get(0) >= 4900);
        Thread.sleep(5000);
        assertEquals("no third delivery", 2, runs.size());
        assertEquals(1, queue.stats("late").completed());
        assertFalse(queue.job("late", id).filter(j -> j.state() != JobState.COMPLETED).isPresent());
    }

    @Test
    public void malformedEntriesAreDeadLetteredWithTheReasonAndTheWorkerKeepsGoing() throws Exception {
        Counting good = new Counting();
        handle("garbage", "good", good);
        QueueService queue = queue();
        queue.enqueue("garbage", "good", "before");
        await("first good job", () -> good.total() == 1);
        String stream = "skein:{garbage}:stream";
        broker().commands().sync().xadd(stream, Map.of("junk", "x"));
        broker().commands().sync().xadd(stream, Map.of("v", "9", "id", "a", "task", "good", "attempt", "1",
                "payload", "p"));
        broker().commands().sync().xadd(stream, Map.of("v", "1", "id", "b", "task", "good", "attempt", "many",
                "payload", "p"));
        queue.enqueue("garbage", "good", "after");

        await("after completed and three dead", () -> good.total() == 2 && statsQuietly("garbage").dead() == 3);
        List<String> reasons = queue.jobs("garbage", JobState.DEAD, 10).stream().map(JobInfo::failure).toList();
        assertTrue(reasons.toString(), reasons.contains("malformed entry: unknown entry version \"null\""));
        assertTrue(reasons.toString(), reasons.contains("malformed entry: unknown entry version \"9\""));
        assertTrue(reasons.toString(), reasons.contains("malformed entry: attempt \"many\" is not a number"));
    }

    @Test
    public void uniqueKeyHoldsOneJobAndADeadJobReplayedTwiceRunsOnce() throws Exception {
        AtomicBoolean fixed = new AtomicBoolean();
        AtomicInteger succeeded = new AtomicInteger();
        handle("unique", "needs-fix", job -> {
            if (!fixed.get()) {
                throw new IllegalStateException("not fixed yet");
            }
            succeeded.incrementAndGet();
        });
        QueueService queue = queue();
        EnqueueOptions later = EnqueueOptions.unique("entry-1").withDelay(Duration.ofMinutes(5));
        String first = queue.enqueue("unique", "needs-fix", "a", later);
        assertEquals("same key, same job", first, queue.enqueue("unique", "needs-fix", "b", later));
        assertEquals(JobState.DELAYED, queue.job("unique", first).orElseThrow().state());
        assertTrue(queue.cancel("unique", "entry-1"));
        assertFalse("nothing holds the key now", queue.cancel("unique", "entry-1"));
        assertEquals(0, queue.stats("unique").delayed());

        String second = queue.enqueue("unique", "needs-fix", "c", EnqueueOptions.unique("entry-1"));
        assertNotEquals(first, second);
        await("dead after 3 attempts", () -> deadReason(queue, "unique", second).contains("gave up after 3"));
        fixed.set(true);
        List<Thread> replays = new ArrayList<>();
        AtomicInteger accepted = new AtomicInteger();
        for (int i = 0; i < 2; i++) {
            Thread replay = new Thread(() -> {
                if (queue.replay("unique", second)) {
                    accepted.incrementAndGet();
                }
            });
            replays.add(replay);
            replay.start();
        }
        for (Thread replay : replays) {
            replay.join();
        }
        await("replayed job completed", () -> succeeded.get() == 1);
        Thread.sleep(1000);
        assertEquals("one replay taken", 1, accepted.get());
        assertEquals("ran once", 1, succeeded.get());
    }

    @Test
    public void workersResumeAfterTheRedisServerRestartsAndNoAcknowledgedJobIsLost() throws Exception {
        Counting slow = new Counting();
        handle("restart", "slow", job -> {
            Thread.sleep(10);
            slow.handle(job);
        });
        QueueService queue = queue();
        queue.enqueueAll("restart", "slow", IntStream.range(0, 300).mapToObj(i -> "r" + i).toList(),
                EnqueueOptions.NONE);
        await("some done", () -> slow.total() > 20);

        restartRedisServer();

        await("all 300 completed", () -> slow.runs.size() == 300 && statsQuietly("restart").waiting() == 0
                && statsQuietly("restart").active() == 0);
        assertEquals(0, queue.stats("restart").dead());
    }

    @Test
    public void idleWorkersTakeJobsAgainAfterTheRedisServerRestarts() throws Exception {
        Counting counting = new Counting();
        handle("idle-restart", "count", counting);
        QueueService queue = queue();
        queue.enqueue("idle-restart", "count", "before");
        await("the workers run", () -> counting.total() == 1);

        restartRedisServer();
        Thread.sleep(3000);

        queue.enqueueAll("idle-restart", "count", IntStream.range(0, 10).mapToObj(i -> "after" + i).toList(),
                EnqueueOptions.NONE);
        await("the idle workers took all 10", () -> counting.total() == 11);
    }

    @Test
    public void idleWorkersKeepTheirSlotsThroughReadErrorsAndRecreateALostGroup() throws Exception {
        Counting counting = new Counting();
        handle("broken-stream", "count", counting);
        QueueService queue = queue();
        queue.enqueue("broken-stream", "count", "before");
        await("the workers run", () -> counting.total() == 1);

        String stream = "skein:{broken-stream}:stream";
        broker().commands().sync().del(stream);
        broker().commands().sync().set(stream, "not a stream");
        Thread.sleep(3000);
        broker().commands().sync().del(stream);

        queue.enqueueAll("broken-stream", "count", IntStream.range(0, 10).mapToObj(i -> "after" + i).toList(),
                EnqueueOptions.NONE);
        await("the workers took all 10", () -> counting.total() == 11);
    }

    /** Stops the embedded redis-server (SIGTERM) and waits until its owner has started it again. */
    private void restartRedisServer() throws Exception {
        long server = broker().info().serverPid();
        ProcessHandle.of(server).orElseThrow().destroy();
        await("a new server", () -> {
            try {
                long now = broker().info().serverPid();
                return now != server && now > 0 && broker().info().health().reachable();
            } catch (InterruptedException e) {
                return false;
            }
        });
    }

    private QueueStats statsQuietly(String queue) {
        try {
            return stats(queue);
        } catch (Exception e) {
            return new QueueStats(queue, -1, -1, -1, -1, -1, -1, Duration.ZERO, false);
        }
    }
}
