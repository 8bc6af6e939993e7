package io.skein.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.rules.TemporaryFolder;

/**
 * The inference switch and the model's state across real host processes, with the embedded
 * backend: switching off on one host pauses the work of all; a restarted host holds no model until
 * work arrives.
 */
public class InferenceHostsIT {

    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration DONE = Duration.ofSeconds(90);

    private final TemporaryFolder temp = new TemporaryFolder(TestRoot.folder());
    private final Processes processes = new Processes();

    @Rule
    public final RuleChain rules = RuleChain.outerRule(temp).around(processes);

    private Skein skein() throws IOException {
        Skein skein = new Skein(processes, temp.newFolder("home").toPath());
        skein.deploy(TestBundles.tasks(temp.newFolder("bundles").toPath(), "test", "1.0.0"));
        skein.configure("skein.inference", "backend = embedded\nidle = 2\n");
        return skein;
    }

    private static Process host(Skein skein) throws Exception {
        Process host = skein.startHost();
        skein.awaitLog(host.pid(), "Handler for task test.extract registered", START);
        return host;
    }

    @Test
    public void switchingOffOnOneHostPausesTheWorkOfBothUntilSwitchedOn() throws Exception {
        Skein skein = skein();
        Process first = host(skein);
        Process second = host(skein);

        assertEquals("inference off", skein.execOk("inference:off").trim());
        skein.awaitLog(first.pid(), "Inference switched off \\(seen on this host\\)", START);
        skein.awaitLog(second.pid(), "Inference switched off \\(seen on this host\\)", START);
        skein.execOk("queue:enqueue inference test.extract 'With Mr. Harbottle to Greenwich.'; "
                + "queue:enqueue inference test.extract 'Lady Clarabel at dinner.'");
        try (TestRedis redis = TestRedis.open(skein.home())) {
            Thread.sleep(3000);
            assertEquals("nothing ran on either host", 0L, (long) redis.sync().scard("skein-test:extracted"));
            String stats = skein.execOk("queue:stats inference");
            assertTrue(stats, stats.contains("waiting     2") && stats.contains("paused      yes"));
            assertTrue(skein.execOk("inference:status").contains("off (the inference queue is paused)"));

            skein.execOk("inference:on");
            Skein.await("both jobs ran", DONE, () -> redis.sync().scard("skein-test:extracted") == 2);
        }
    }

    @Test
    public void restartedHostHoldsNoModelUntilWorkArrives() throws Exception {
        Skein skein = skein();
        Process first = host(skein);
        skein.execOk("queue:enqueue inference test.extract 'Dinner with Sir W. Batten.'");
        skein.awaitLog(first.pid(), "Model loaded \\(work arrived\\)", DONE);
        skein.awaitLog(first.pid(), "Model unloaded: idle", DONE);
        assertEquals(0, Processes.terminate(first, Duration.ofSeconds(30)));

        Process second = host(skein);
        Thread.sleep(3000);
        String log = Files.readString(skein.log());
        assertFalse("no model before work", log.contains("[" + second.pid() + "] ModelLifecycle - Model loaded"));
        skein.execOk("queue:enqueue inference test.extract 'Supper at the Dolphin.'");
        skein.awaitLog(second.pid(), "Model loaded \\(work arrived\\)", DONE);
        skein.awaitLog(second.pid(), "Model unloaded: idle for 2 s with no runnable work", DONE);
    }
}
