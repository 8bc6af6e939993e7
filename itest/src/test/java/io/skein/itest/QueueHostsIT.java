package io.skein.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.StringJoiner;
import java.util.stream.IntStream;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.rules.TemporaryFolder;

/**
 * The queue across real processes: producer and consumer in separate JVMs, a consumer killed with
 * SIGKILL mid-job, and a host stopped while its jobs run. The handlers come from a real bundle in
 * the host's deploy folder.
 */
public class QueueHostsIT {

    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration DONE = Duration.ofSeconds(90);

    private final TemporaryFolder temp = new TemporaryFolder(TestRoot.folder());
    private final Processes processes = new Processes();

    @Rule
    public final RuleChain rules = RuleChain.outerRule(temp).around(processes);

    /** A data directory whose hosts run the test tasks on queue "test" with a short lease. */
    private Skein skein(String queueSettings) throws IOException {
        Skein skein = new Skein(processes, temp.newFolder("home").toPath());
        skein.deploy(TestBundles.tasks(temp.newFolder("bundles").toPath(), "test", "1.0.0"));
        skein.configure("skein.queue", "concurrency = 4\nlease = 3\nshutdown.timeout = 1\n" + queueSettings);
        skein.configure("skein.retry.backoff", "attempts = 5\nbase = 0.2\nmax = 1\n");
        return skein;
    }

    private static Process consumer(Skein skein) throws Exception {
        Process host = skein.startHost();
        skein.awaitLog(host.pid(), "Handler for task test.record registered", START);
        return host;
    }

    private static String enqueueAll(List<String> payloads) {
        StringJoiner script = new StringJoiner("; ");
        payloads.forEach(p -> script.add("queue:enqueue test test.record '" + p + "'"));
        return script.toString();
    }

    @Test
    public void jobsEnqueuedInOneProcessAllRunInAnother() throws Exception {
        Skein skein = skein("");
        Process consumer = consumer(skein);
        List<String> keys = IntStream.range(0, 150).mapToObj(i -> "k" + i).toList();

        skein.execOk(enqueueAll(keys));

        try (TestRedis redis = TestRedis.open(skein.home())) {
            Skein.await("150 effects", DONE, () -> redis.sync().scard("skein-test:effects") == 150);
            for (String key : keys) {
                assertEquals(key + " ran once", 1, (long) redis.sync().llen("skein-test:runs:" + key));
            }
        }
        assertTrue(consumer.isAlive());
    }

    @Test
    public void jobOfAKilledConsumerCompletesOnAnotherAfterItsLeaseWithOneVisibleEffect() throws Exception {
        Skein skein = skein("");
        Process first = consumer(skein);
        skein.execOk("queue:enqueue test test.record 'victim|4000'");
        try (TestRedis redis = TestRedis.open(skein.home())) {
            Skein.await("the job started", START, () -> redis.sync().exists("skein-test:started:victim") == 1);

            Processes.kill9(first.pid());
            Process second = consumer(skein);

            Skein.await("the job completed", DONE, () -> redis.sync().sismember("skein-test:effects", "victim"));
            skein.awaitLog(second.pid(), "lost its worker .*-" + first.pid() + "-test", START);
            assertEquals("the killed run never recorded; the second did", List.of("2"),
                    redis.sync().lrange("skein-test:runs:victim", 0, -1).stream().map(r -> r.split("#")[1]).toList());
            assertEquals(1L, (long) redis.sync().scard("skein-test:effects"));
        }
        assertTrue(skein.execOk("queue:stats test").contains("completed   1"));
    }

    @Test
    public void hostStoppedWhileJobsRunLeavesNoneStuckAndAllCompleteAfterRestart() throws Exception {
        Skein skein = skein("");
        Process host = consumer(skein);
        List<String> keys = IntStream.range(0, 12).mapToObj(i -> "s" + i + "|1500").toList();
        skein.execOk(enqueueAll(keys));
        try (TestRedis redis = TestRedis.open(skein.home())) {
            Skein.await("jobs running", START, () -> redis.sync().keys("skein-test:started:*").size() >= 4);

            assertEquals(0, Processes.terminate(host, Duration.ofSeconds(30)));
            String stats = skein.execOk("queue:stats test");
            assertTrue("nothing left running:\n" + stats, stats.contains("active      0"));

            consumer(skein);
            Skein.await("all 12 effects", DONE, () -> redis.sync().scard("skein-test:effects") == 12);
        }
        String stats = skein.execOk("queue:stats test");
        assertTrue(stats, stats.contains("completed   12"));
        assertTrue(stats, stats.contains("dead        0"));
    }
}
