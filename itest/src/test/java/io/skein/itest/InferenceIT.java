package io.skein.itest;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.skein.inference.Entity;
import io.skein.inference.InferenceException;
import io.skein.inference.InferenceService;
import io.skein.inference.ModelState.Status;
import io.skein.queue.EnqueueOptions;
import io.skein.queue.JobInfo;
import io.skein.queue.JobState;
import io.skein.queue.PermanentFailure;
import io.skein.queue.QueueService;
import io.skein.queue.QueueStats;
import io.skein.queue.TaskHandler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The model's lifecycle and the OpenAI-compatible backend in a real Felix with the real queue,
 * against a contract-test HTTP server on loopback. Jobs of the inference queue are run by a
 * handler that extracts through the InferenceService, as a graph module does.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class InferenceIT extends ExamSupport {

    private static final String GOOD =
            "{\"entities\":[{\"name\":\"Sir W. Penn\",\"type\":\"Person\",\"sentence\":\"With Sir W. Penn.\"}]}";

    private static final String API_KEY = "sk-test-4f9c2a";

    private ContractServer server;
    private ServiceRegistration<TaskHandler> handler;
    private final Set<String> done = ConcurrentHashMap.newKeySet();

    @Before
    public void setUp() throws Exception {
        server = new ContractServer(body -> slowly(ContractServer.Answer.content(GOOD)));
        update("skein.broker", Map.of("data.dir", System.getProperty("skein.home")));
        update("skein.queue", Map.of("lease", "3", "shutdown.timeout", "2", "block", "500"));
        update("skein.retry.backoff", Map.of("attempts", "3", "base", "0.05", "max", "0.2"));
        update("skein.inference", Map.of("backend", "openai", "endpoint", server.baseUrl(), "model", "test-model",
                "idle", "2", "api.key", API_KEY));
        awaitInference(s -> s.state().backend().contains(server.baseUrl()));
        inference().setEnabled(true);
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(TaskHandler.TASK, "extract");
        properties.put(TaskHandler.QUEUE, InferenceService.QUEUE);
        handler = context.registerService(TaskHandler.class, job -> {
            try {
                List<Entity> entities = inference().extract(job.payload());
                if (!entities.isEmpty()) {
                    done.add(job.payload());
                }
            } catch (InferenceException e) {
                if (!e.isTransient()) {
                    throw new PermanentFailure(e.getMessage() + "; the model answered: " + e.answer());
                }
                throw e;
            }
        }, properties);
    }

    @After
    public void tearDown() {
        handler.unregister();
        server.close();
    }

    private static ContractServer.Answer slowly(ContractServer.Answer answer) {
        try {
            Thread.sleep(30);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return answer;
    }

    private InferenceService inference() throws InterruptedException {
        return service(InferenceService.class);
    }

    private QueueService queue() throws InterruptedException {
        return service(QueueService.class);
    }

    private void awaitInference(java.util.function.Predicate<InferenceService> condition) throws Exception {
        await("inference configured", () -> {
            try {
                return condition.test(inference());
            } catch (InterruptedException e) {
                return false;
            }
        });
    }

    private QueueStats stats() {
        try {
            return queue().stats(InferenceService.QUEUE);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private Status model() {
        try {
            return inference().state().status();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    public void switchedOffTheModelUnloadsAndNothingFailsSwitchedOnEverythingCompletes() throws Exception {
        List<String> texts = IntStream.range(0, 50).mapToObj(i -> "entry " + i).toList();
        QueueStats baseline = stats();
        queue().enqueueAll(InferenceService.QUEUE, "extract", texts, EnqueueOptions.NONE);
        await("the model loaded", () -> model() == Status.LOADED);

        inference().setEnabled(false);
        await("the model unloaded within the idle time", () -> model() == Status.UNLOADED);
        int before = done.size();
        Thread.sleep(3000);
        assertEquals("nothing ran while off", before, done.size());
        QueueStats off = stats();
        assertTrue(off.paused());
        assertEquals("no entry failed", baseline.dead() + baseline.delayed(), off.dead() + off.delayed());
        assertEquals("all others stay waiting", 50 - before, off.waiting() - baseline.waiting());
        assertEquals(Status.UNLOADED, model());

        inference().setEnabled(true);
        await("all 50 complete", () -> done.size() == 50);
        await("the model unloads after the last", () -> model() == Status.UNLOADED);
        assertThat(inference().state().lastUnloadReason(), containsString("idle"));
    }

    @Test
    public void deadEntryDoesNotPinTheModelAndCompletesWhenReplayedAfterTheFix() throws Exception {
        server.behave(body -> body.contains("broken entry") ? new ContractServer.Answer(500, "{\"error\":\"boom\"}")
                : ContractServer.Answer.content(GOOD));
        QueueService queue = queue();
        long deadBefore = stats().dead();
        String broken = queue.enqueue(InferenceService.QUEUE, "extract", "broken entry");
        queue.enqueueAll(InferenceService.QUEUE, "extract", IntStream.range(0, 20).mapToObj(i -> "good " + i)
                .toList(), EnqueueOptions.NONE);

        await("20 good complete and the broken one is dead", () -> done.size() >= 20
                && stats().dead() == deadBefore + 1);
        await("the model unloads: the dead entry does not pin it", () -> model() == Status.UNLOADED);
        JobInfo dead = queue.job(InferenceService.QUEUE, broken).orElseThrow();
        assertEquals(JobState.DEAD, dead.state());
        assertThat(dead.failure(), containsString("gave up after 3 attempt(s)"));
        assertThat(dead.failure(), containsString("HTTP 500"));

        server.behave(body -> ContractServer.Answer.content(GOOD));
        assertTrue(queue.replay(InferenceService.QUEUE, broken));
        await("the replayed entry completes", () -> done.contains("broken entry"));
    }

    @Test
    public void outageIsRetriedAndABrokenAnswerIsDeadLetteredWithTheAnswerKept() throws Exception {
        server.stop();
        queue().enqueue(InferenceService.QUEUE, "extract", "during the outage");
        await("a refused attempt was retried", () -> stats().delayed() + stats().waiting() > 0
                && queueFailure().contains("cannot be reached"));
        server.start();
        await("completed after the outage", () -> done.contains("during the outage"));

        server.behave(body -> ContractServer.Answer.content("I think Sir W. Penn is a person."));
        int before = server.requests();
        String broken = queue().enqueue(InferenceService.QUEUE, "extract", "schema breaker");
        await("dead at once", () -> queueFailureOf(broken).contains("breaks the schema"));
        assertThat(queueFailureOf(broken), containsString("I think Sir W. Penn is a person."));
        assertEquals("one request and one repair request", 2, server.requests() - before);
        assertEquals("the key travels in the header", "Bearer " + API_KEY, server.authorization());
        Path log = Path.of(System.getProperty("skein.home"), "log", "skein.log");
        assertTrue("the log exists", Files.exists(log));
        assertFalse("the key is in no log line", Files.readString(log).contains(API_KEY));
    }

    /** The failure recorded on the first retried job, if any. */
    private String queueFailure() {
        try {
            QueueService queue = queue();
            for (JobState state : new JobState[] {JobState.DELAYED, JobState.WAITING}) {
                for (JobInfo job : queue.jobs(InferenceService.QUEUE, state, 10)) {
                    if (job.failure() != null) {
                        return job.failure();
                    }
                }
            }
            return "";
        } catch (InterruptedException e) {
            return "";
        }
    }

    private String queueFailureOf(String id) {
        try {
            return queue().job(InferenceService.QUEUE, id).filter(j -> j.state() == JobState.DEAD)
                    .map(JobInfo::failure).orElse("");
        } catch (InterruptedException e) {
            return "";
        }
    }
}
