package io.skein.itest;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.rules.TemporaryFolder;

/**
 * One redis-server per data directory, whatever the number of hosts: real host JVMs started by the
 * launcher, real redis-server processes, real SIGTERM and SIGKILL.
 */
public class BrokerHostsIT {

    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration STOP = Duration.ofSeconds(60);

    private final TemporaryFolder temp = new TemporaryFolder(TestRoot.folder());
    private final Processes processes = new Processes();

    @Rule
    public final RuleChain rules = RuleChain.outerRule(temp).around(processes);

    private Skein skein() throws IOException {
        return new Skein(processes, temp.newFolder("home").toPath());
    }

    @Test
    public void twoHostsOnOneDirectoryShareOneServerThatOnlyTheOwnerStops() throws Exception {
        Skein skein = skein();
        Process owner = skein.startHost();
        String started = skein.awaitLog(owner.pid(), "Broker started redis-server", START);
        Process attached = skein.startHost();
        skein.awaitLog(attached.pid(), "Broker attached to redis-server", START);

        List<Long> servers = Processes.redisServersUnder(skein.home());
        assertEquals("one redis-server for two hosts", 1, servers.size());
        assertThat(started, containsString("pid=" + servers.get(0)));

        assertEquals("OK", skein.execOk("broker:redis SET shared written-through-one-host").trim());
        assertEquals("written-through-one-host", skein.execOk("broker:redis GET shared").trim());
        assertThat(skein.execOk("broker:info"), containsString("attached"));
        assertEquals("the exec hosts attached, they did not start servers", servers,
                Processes.redisServersUnder(skein.home()));

        assertEquals(0, Processes.terminate(attached, STOP));
        assertEquals("stopping the attached host leaves the server", servers,
                Processes.redisServersUnder(skein.home()));

        assertEquals(0, Processes.terminate(owner, STOP));
        assertEquals("stopping the owner stops the server", List.of(), Processes.redisServersUnder(skein.home()));
        assertFalse("the owner removes its record", Files.exists(skein.home().resolve("broker.record")));
    }

    @Test
    public void serverOfAKilledOwnerIsAdoptedByTheNextHostWithItsData() throws Exception {
        Skein skein = skein();
        Process owner = skein.startHost();
        skein.awaitLog(owner.pid(), "Broker started redis-server", START);
        skein.execOk("broker:redis SET before-kill survives");
        long server = Processes.redisServersUnder(skein.home()).get(0);

        Processes.kill9(owner.pid());
        assertTrue("the server outlives its killed owner", ProcessHandle.of(server).map(ProcessHandle::isAlive)
                .orElse(false));

        Process next = skein.startHost();
        String adopted = skein.awaitLog(next.pid(), "Broker adopted redis-server pid=" + server, START);
        assertThat(adopted, containsString("left running by host pid=" + owner.pid()));
        assertEquals(List.of(server), Processes.redisServersUnder(skein.home()));
        assertEquals("survives", skein.execOk("broker:redis GET before-kill").trim());
        assertThat(skein.execOk("broker:info"), containsString("pid " + server));

        assertEquals(0, Processes.terminate(next, STOP));
        assertEquals(List.of(), Processes.redisServersUnder(skein.home()));
    }

    @Test
    public void attachedHostTakesOverWhenTheOwnerStops() throws Exception {
        Skein skein = skein();
        Process owner = skein.startHost();
        skein.awaitLog(owner.pid(), "Broker started redis-server", START);
        Process attached = skein.startHost();
        skein.awaitLog(attached.pid(), "Broker attached", START);
        skein.execOk("broker:redis SET handed over");

        assertEquals(0, Processes.terminate(owner, STOP));
        skein.awaitLog(attached.pid(), "this host takes over", START);
        skein.awaitLog(attached.pid(), "Broker started redis-server", START);
        assertEquals(1, Processes.redisServersUnder(skein.home()).size());
        assertEquals("over", skein.execOk("broker:redis GET handed").trim());

        assertEquals(0, Processes.terminate(attached, STOP));
        assertEquals(List.of(), Processes.redisServersUnder(skein.home()));
    }

    @Test
    public void execWithoutAHostOwnsAServerForItsDurationOnly() throws Exception {
        Skein skein = skein();
        String info = skein.execOk("broker:info");

        assertThat(info, containsString("mode         embedded"));
        assertThat(info, containsString("role         owner"));
        assertThat(info, containsString("persistence  append-only file on"));
        assertThat(info, containsString("health       reachable"));
        assertThat(info, containsString("(password in broker.secret)"));
        assertFalse("no password on screen", info.contains(Files.readString(skein.home().resolve("broker.secret"))
                .trim()));
        assertEquals(List.of(), Processes.redisServersUnder(skein.home()));
    }

    @Test
    public void unknownCommandFailsWithItsNameOnStandardError() throws Exception {
        Skein.Result result = skein().exec("broker:nonsense");

        assertEquals(1, result.exitCode());
        assertThat(result.err(), containsString("broker:nonsense"));
    }

    /** Owner-only: the data directory, the password and the record. */
    @Test
    public void brokerFilesAreReadableByTheOwnerOnly() throws Exception {
        Skein skein = skein();
        Process owner = skein.startHost();
        skein.awaitLog(owner.pid(), "Broker started redis-server", START);

        for (Path path : List.of(skein.home(), skein.home().resolve("broker.secret"),
                skein.home().resolve("broker.record"), skein.home().resolve("redis"))) {
            String permissions = java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(path));
            assertTrue(path + " is " + permissions, permissions.endsWith("------"));
        }
        Processes.terminate(owner, STOP);
    }
}
