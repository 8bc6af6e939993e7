package io.skein.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.skein.broker.BrokerService;
import io.skein.journal.Entry;
import io.skein.journal.GraphStore;
import io.skein.journal.GraphStore.GraphEntity;
import io.skein.journal.GraphStore.Mention;
import io.skein.journal.JournalService;
import io.skein.queue.QueueService;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/**
 * {@code broker.bundle} updated while {@code journal:import} saves entries: the broker, the queue,
 * the inference service and the journal all go and come back under the import, and the graph ends
 * up as after the same import without the update. A class of its own, since the update restarts
 * everything the other graph tests would share.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class GraphBrokerUpdateIT extends ExamSupport {

    private static final int ENTRIES = 60;

    @Before
    public void configure() throws Exception {
        update("skein.broker", Map.of("data.dir", System.getProperty("skein.home")));
        update("skein.inference", Map.of("backend", "embedded", "idle", "2"));
        BrokerService broker = service(BrokerService.class);
        await("the entities module is known to the journal", () -> broker.commands().sync()
                .hexists("skein:journal:modules", "entities"));
    }

    @Test
    public void updatingTheBrokerBundleDuringAnImportGivesTheGraphOfACalmImport() throws Exception {
        Path export = jrnlExport();
        assertEquals("imported 60 entries into calm", importInto("calm", export));
        awaitDone("calm", ids("calm"));

        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread importer = new Thread(() -> {
            try {
                outcome.set(importInto("updated", export));
            } catch (Exception e) {
                outcome.set(e);
            }
        });
        importer.start();
        await("the import is under way", () -> savedSoFar("updated") >= 5);
        broker().update();
        importer.join(5 * WAIT.toMillis());

        assertEquals("imported 60 entries into updated", String.valueOf(outcome.get()));
        String[] ids = ids("updated");
        assertEquals(ENTRIES, ids.length);
        awaitDone("updated", ids);
        assertEquals("the graph equals the calm import's", facts("calm"), facts("updated"));
        assertEquals("every mention is counted once", mentions("calm"), mentions("updated"));
        QueueService queue = service(QueueService.class);
        assertEquals("nothing dead", 0, queue.stats("inference").dead());
        assertEquals("nothing parked", 0, queue.stats("inference").parked());
    }

    /** A jrnl export of {@link #ENTRIES} entries, each naming a person and a place. */
    private static Path jrnlExport() throws Exception {
        String[] places = {"Whitehall", "Greenwich", "Deptford", "Westminster", "Chelsea"};
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < ENTRIES; i++) {
            entries.add(String.format("{\"title\": \"Dinner with Mr. Quill%c at %s.\", \"body\": \"Then a walk.\", "
                    + "\"date\": \"1661-0%d-%02d\", \"time\": \"21:00\", \"tags\": [], \"starred\": false}",
                    'a' + i % 20, places[i % 5], 1 + i / 28, 1 + i % 28));
        }
        Path export = Files.createTempFile(TestRoot.folder().toPath(), "brokerupdate", ".json");
        Files.writeString(export, "{\"tags\": {}, \"entries\": [" + String.join(",", entries) + "]}");
        return export;
    }

    private String importInto(String journal, Path export) throws Exception {
        CommandProcessor gogo = service(CommandProcessor.class);
        try (PrintStream sink = new PrintStream(OutputStream.nullOutputStream())) {
            CommandSession session = gogo.createSession(new ByteArrayInputStream(new byte[0]), sink, sink);
            return String.valueOf(session.execute("journal:import -j " + journal + " '" + export + "'"));
        }
    }

    private Bundle broker() {
        return Arrays.stream(context.getBundles()).filter(b -> "skein.broker".equals(b.getSymbolicName()))
                .findFirst().orElseThrow();
    }

    private JournalService journal() throws InterruptedException {
        return service(JournalService.class);
    }

    private GraphStore graph() throws InterruptedException {
        return service(GraphStore.class);
    }

    private int savedSoFar(String journal) {
        try {
            return journal().list(journal, null, null, ENTRIES).size();
        } catch (Exception e) {
            return 0;
        }
    }

    private String[] ids(String journal) throws Exception {
        return journal().list(journal, null, null, 2 * ENTRIES).stream().map(Entry::id).toArray(String[]::new);
    }

    private void awaitDone(String journal, String... ids) throws Exception {
        for (String id : ids) {
            try {
                await(journal + "/" + id + " processed", () -> "done".equals(progress(journal, id)));
            } catch (AssertionError e) {
                // no cause: Pax Exam reports the innermost one
                throw new AssertionError(e.getMessage() + "; " + describe(journal, id));
            }
        }
    }

    private String progress(String journal, String id) {
        try {
            return journal().progress(journal, id).get("entities");
        } catch (Exception e) {
            return null;
        }
    }

    /** What the journal and the queue know of an entry, for a failure message. */
    private String describe(String journal, String id) throws InterruptedException {
        try {
            var redis = service(BrokerService.class).commands().sync();
            Map<String, String> state = redis.hgetall("skein:journal:{" + journal + "}:state:" + id);
            String job = state.get("entities.job");
            return "progress " + journal().progress(journal, id) + ", state " + state + ", job " + (job == null
                    ? "none" : service(QueueService.class).job("inference", job) + " "
                    + redis.hgetall("skein:{inference}:job:" + job));
        } catch (RuntimeException | io.skein.journal.JournalException e) {
            return "no details: " + e;
        }
    }

    /** The graph as (type, name, entry, sentence) facts, independent of entity ids. */
    private Set<String> facts(String journal) throws Exception {
        Set<String> facts = new TreeSet<>();
        for (GraphEntity entity : graph().entities(journal)) {
            for (Mention mention : graph().timeline(journal, entity.id())) {
                facts.add(entity.type() + "|" + entity.name() + "|" + mention.entryId() + "|" + mention.sentence());
            }
        }
        return facts;
    }

    private int mentions(String journal) throws Exception {
        return graph().entities(journal).stream().mapToInt(GraphEntity::mentions).sum();
    }
}
