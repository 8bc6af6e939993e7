package io.skein.itest;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.rules.TemporaryFolder;

/**
 * External mode, and what a user sees when the broker's configuration or data directory is wrong:
 * a clear error in the log and in {@code broker:info}, no broker for dependents, a host that keeps
 * running, and nothing in the data directory damaged.
 */
public class BrokerConfigurationIT {

    private static final Duration START = Duration.ofSeconds(60);

    private final TemporaryFolder temp = new TemporaryFolder(TestRoot.folder());
    private final Processes processes = new Processes();

    @Rule
    public final RuleChain rules = RuleChain.outerRule(temp).around(processes);

    private Skein skein() throws IOException {
        return new Skein(processes, temp.newFolder("home").toPath());
    }

    @Test
    public void externalModeUsesTheConfiguredServerAndStartsNone() throws Exception {
        Path redis = temp.newFolder("external").toPath();
        int port = RedisServer.freePort();
        RedisServer.start(processes, redis, port, "s3cret-external");
        Skein skein = skein();
        skein.configureBroker("mode = external\nuri = redis://default:s3cret-external@127.0.0.1:" + port + "/0\n");

        String info = skein.execOk("broker:info");

        assertThat(info, containsString("mode         external"));
        assertThat(info, containsString("role         client (external server)"));
        assertThat(info, containsString("endpoint     redis://127.0.0.1:" + port + "/0"));
        assertThat(info, not(containsString("s3cret-external")));
        assertEquals("OK", skein.execOk("broker:redis SET external yes").trim());
        assertThat(skein.execOk("broker:redis CONFIG GET port"), containsString(Integer.toString(port)));
        assertEquals(List.of(), Processes.redisServersUnder(skein.home()));
        assertThat(Files.readString(skein.log()), not(containsString("s3cret-external")));
    }

    @Test
    public void unreachableExternalServerIsReportedWhileTheHostRunsAndHealsWhenItComesUp() throws Exception {
        Path redis = temp.newFolder("external").toPath();
        int port = RedisServer.freePort();
        Skein skein = skein();
        skein.configureBroker("mode = external\nuri = redis://default:pw@127.0.0.1:" + port + "\n");

        Process host = skein.startHost();
        String error = skein.awaitLog(host.pid(), "ERROR.*Broker unavailable", START);
        assertThat(error, containsString("Cannot reach external Redis redis://127.0.0.1:" + port + "/0"));
        assertThat(error, containsString("trying again in"));
        assertTrue("the host keeps running", host.isAlive());

        Skein.Result info = skein.exec("broker:info");
        assertEquals(0, info.exitCode());
        assertThat(info.out(), containsString("state        failed"));
        assertThat(info.out(), containsString("Cannot reach external Redis redis://127.0.0.1:" + port + "/0"));
        assertThat(info.out(), containsString("next attempt"));
        Skein.Result ping = skein.exec("broker:redis PING");
        assertEquals("dependents get no broker", 1, ping.exitCode());
        assertThat(ping.err(), containsString("The broker is not available: Cannot reach external Redis"));

        RedisServer.start(processes, redis, port, "pw");
        skein.awaitLog(host.pid(), "Broker is available again", Duration.ofSeconds(90));
        assertTrue(host.isAlive());
    }

    @Test
    public void nonNumericTimeoutIsReportedAndNotRetried() throws Exception {
        Skein skein = skein();
        skein.configureBroker("command.timeout = ten\n");

        String info = skein.execOk("broker:info");

        assertThat(info, containsString("state        failed"));
        assertThat(info, containsString(
                "error        Configuration skein.broker: command.timeout \"ten\" is not a number of seconds"));
        assertThat(info, not(containsString("next attempt")));
        assertThat(Files.readString(skein.log()), containsString(
                "Broker unavailable: Configuration skein.broker: command.timeout \"ten\" is not a number of seconds"));
        assertEquals(List.of(), Processes.redisServersUnder(skein.home()));
    }

    @Test
    public void unusableDataDirectoryIsReportedAndTheFileInTheWayIsUntouched() throws Exception {
        Skein skein = skein();
        Path inTheWay = temp.newFile("not-a-directory").toPath();
        Files.writeString(inTheWay, "precious");
        Path dataDir = inTheWay.resolve("skein");
        skein.configureBroker("data.dir = " + dataDir + "\n");

        String info = skein.execOk("broker:info");

        assertThat(info, containsString("state        failed"));
        assertThat(info, containsString("Data directory " + dataDir + " cannot be used"));
        assertThat(Files.readString(skein.log()), containsString("Broker unavailable: Data directory " + dataDir));
        assertEquals("precious", Files.readString(inTheWay));
    }

    @Test
    public void recordOfAServerThatIsNoLongerRunningIsReplacedAndTheDataKept() throws Exception {
        Skein skein = skein();
        skein.execOk("broker:redis SET kept across-a-reboot");
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(10, TimeUnit.SECONDS);
        writeRecord(skein, gone.pid(), Instant.now());

        assertEquals("across-a-reboot", skein.execOk("broker:redis GET kept").trim());
        assertThat(Files.readString(skein.log()), containsString("names redis-server pid=" + gone.pid()
                + ", which is no longer running; starting a new server"));
    }

    @Test
    public void recordNamingAnotherLiveProgramIsRefusedWithoutTouchingItOrTheData() throws Exception {
        Skein skein = skein();
        skein.execOk("broker:redis SET untouched yes");
        Path aof = skein.home().resolve("redis").resolve("appendonly.aof");
        byte[] before = Files.readAllBytes(aof);
        Process stranger = processes.start(new ProcessBuilder("sleep", "600"));
        Thread.sleep(50);
        writeRecord(skein, stranger.pid(), Instant.now());

        Process host = skein.startHost();
        String error = skein.awaitLog(host.pid(), "ERROR.*Broker unavailable", START);
        assertThat(error, containsString("names pid " + stranger.pid() + " ("));
        assertThat(error, containsString("sleep 600), which is running but is not the recorded redis-server"));
        assertThat(error, containsString("refusing to start a second server"));
        assertTrue("the host keeps running", host.isAlive());
        assertTrue("the other program is left alone", stranger.isAlive());
        assertThat(skein.execOk("broker:info"), containsString("refusing to start a second server"));
        assertArrayEquals("the data is untouched", before, Files.readAllBytes(aof));
        assertEquals(List.of(), Processes.redisServersUnder(skein.home()));

        stranger.destroy();
        skein.awaitLog(host.pid(), "Broker is available again", Duration.ofSeconds(90));
        assertEquals("yes", skein.execOk("broker:redis GET untouched").trim());
    }

    private static void writeRecord(Skein skein, long pid, Instant started) throws IOException {
        Path executable = Files.list(skein.home().resolve("bin")).findFirst().orElseThrow();
        Files.writeString(skein.home().resolve("broker.record"), "server.pid=" + pid + "\nhost.pid=" + pid
                + "\nsocket=" + skein.home().resolve("redis.sock") + "\nport=0\nexecutable=" + executable
                + "\nversion=6.2.11\nstarted=" + started + "\n");
    }
}
