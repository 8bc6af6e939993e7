package io.skein.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.skein.journal.Entry;
import io.skein.journal.EntryDraft;
import io.skein.journal.GraphStore;
import io.skein.journal.GraphStore.GraphEntity;
import io.skein.journal.GraphStore.Mention;
import io.skein.journal.JournalService;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Entries through the real pipeline, queue, embedded inference and entities module into the graph.
 * The graph after edits and deletes equals the graph built from the final entries alone.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class GraphIT extends ExamSupport {

    @Before
    public void configure() throws Exception {
        update("skein.broker", Map.of("data.dir", System.getProperty("skein.home")));
        update("skein.inference", Map.of("backend", "embedded", "idle", "2"));
        io.skein.broker.BrokerService broker = service(io.skein.broker.BrokerService.class);
        await("the entities module is known to the journal", () -> broker.commands().sync()
                .hexists("skein:journal:modules", "entities"));
    }

    private JournalService journal() throws InterruptedException {
        return service(JournalService.class);
    }

    private GraphStore graph() throws InterruptedException {
        return service(GraphStore.class);
    }

    private Entry save(String journal, String id, String time, String text) throws Exception {
        return journal().save(new EntryDraft(journal, id, time, text, List.of()));
    }

    private void awaitDone(String journal, String... ids) throws Exception {
        for (String id : ids) {
            await(journal + "/" + id + " processed", () -> {
                try {
                    return "done".equals(journal().progress(journal, id).get("entities"));
                } catch (Exception e) {
                    return false;
                }
            });
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

    @Test
    public void savedEntriesBecomeEntitiesWithTheirMentionsResolvedAcrossEntries() throws Exception {
        save("g1", "a", "1660-08-26T21:00", "With Sir W. Penn to the parish church. After dinner to Whitehall.");
        save("g1", "b", "1660-09-01T21:00", "Dined with Mr. Penn at the Dolphin, then a walk to Whitehall.");
        awaitDone("g1", "a", "b");

        GraphEntity penn = graph().search("g1", "Sir W. Penn", 1).get(0);
        assertEquals(2, graph().timeline("g1", penn.id()).size());
        assertTrue(penn.aliases().contains("Mr. Penn"));
        GraphEntity whitehall = graph().search("g1", "Whitehall", 1).get(0);
        assertEquals(List.of("a", "b"), graph().timeline("g1", whitehall.id()).stream().map(Mention::entryId)
                .toList());
        assertTrue(graph().related("g1", penn.id(), 5).stream().anyMatch(r -> r.entity().id().equals(whitehall.id())
                && r.together() == 2));
        assertTrue("the author is the journal's entity I", graph().entity("g1", GraphStore.AUTHOR).isPresent());
    }

    @Test
    public void swappingTheEntitiesModuleDuringAnImportLosesNothingAndRepeatsNothing() throws Exception {
        List<String> texts = new java.util.ArrayList<>();
        String[] places = {"Whitehall", "Greenwich", "Deptford", "Westminster", "Chelsea"};
        for (int i = 0; i < 40; i++) {
            texts.add("Dinner with Mr. Quill" + (char) ('a' + i % 20) + " at " + places[i % 5] + ", then a walk.");
        }
        for (int i = 0; i < texts.size(); i++) {
            save("calm", "e" + i, "1660-09-" + (10 + i % 18) + "T21:00", texts.get(i));
        }

        org.osgi.framework.Bundle module = java.util.Arrays.stream(context.getBundles())
                .filter(b -> "skein.module.entities".equals(b.getSymbolicName())).findFirst().orElseThrow();
        String location = module.getLocation();
        Thread importer = new Thread(() -> {
            for (int i = 0; i < texts.size(); i++) {
                try {
                    save("swapped", "e" + i, "1660-09-" + (10 + i % 18) + "T21:00", texts.get(i));
                    Thread.sleep(25);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        importer.start();
        Thread.sleep(150);
        module.stop();
        Thread.sleep(200);
        module.start();
        Thread.sleep(150);
        module.update();
        Thread.sleep(150);
        module.uninstall();
        Thread.sleep(200);
        context.installBundle(location).start();
        importer.join();

        String[] ids = java.util.stream.IntStream.range(0, 40).mapToObj(i -> "e" + i).toArray(String[]::new);
        awaitDone("calm", ids);
        awaitDone("swapped", ids);
        assertEquals("the swapped run's graph equals the calm run's", facts("calm"), facts("swapped"));
        io.skein.queue.QueueService queue = service(io.skein.queue.QueueService.class);
        assertEquals("nothing dead", 0, queue.stats("inference").dead());
        assertEquals("nothing left parked", 0, queue.stats("inference").parked());
    }

    @Test
    public void afterEditsAndDeletesTheGraphEqualsTheGraphOfTheFinalEntries() throws Exception {
        save("g2", "a", "1660-08-26T21:00", "With Sir W. Penn to church.");
        save("g2", "b", "1660-09-01T21:00", "Supper with Mr. Mills at the Dolphin.");
        save("g2", "c", "1660-09-02T21:00", "A walk to Greenwich with Captain Cuttle.");
        awaitDone("g2", "a", "b", "c");
        journal().edit("g2", "a", "With Lady Clarabel to the Globe for dinner.");
        journal().delete("g2", "c");
        awaitDone("g2", "a");

        save("g3", "a", "1660-08-26T21:00", "With Lady Clarabel to the Globe for dinner.");
        save("g3", "b", "1660-09-01T21:00", "Supper with Mr. Mills at the Dolphin.");
        awaitDone("g3", "a", "b");
        assertEquals(facts("g3"), facts("g2"));
        assertTrue("nothing of the deleted or replaced text is left", facts("g2").stream()
                .noneMatch(f -> f.contains("Penn") || f.contains("Cuttle") || f.contains("Greenwich")));
    }
}
