package io.skein.itest.tasks;

import io.skein.broker.BrokerService;
import io.skein.inference.InferenceService;
import io.skein.queue.JobContext;
import io.skein.queue.TaskHandler;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A bundle of test tasks, built by the tests and installed into real hosts. Every run leaves
 * traces in Redis: {@code skein-test:runs:KEY} lists the job id of each run (so a repeated run
 * shows), {@code skein-test:effects} holds KEY once however often it ran (the visible effect of an
 * idempotent handler), {@code skein-test:started:KEY} marks that a run began.
 *
 * <ul>
 *   <li>{@code test.extract} (queue {@code inference}): extracts the payload's entities, then adds it to
 *       {@code skein-test:extracted}.</li>
 *   <li>{@code test.record} payload {@code KEY} or {@code KEY|MILLIS}: waits MILLIS, then records.</li>
 *   <li>{@code test.fail}: always throws.</li>
 * </ul>
 * The queue is the bundle header {@code Skein-Test-Queue} (default {@code test}).
 */
public final class TasksActivator implements BundleActivator {

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private ServiceTracker<BrokerService, BrokerService> broker;
    private ServiceTracker<InferenceService, InferenceService> inference;

    @Override
    public void start(BundleContext context) {
        broker = new ServiceTracker<>(context, BrokerService.class, null);
        broker.open();
        inference = new ServiceTracker<>(context, InferenceService.class, null);
        inference.open();
        String queue = context.getBundle().getHeaders().get("Skein-Test-Queue");
        register(context, queue == null ? "test" : queue, "test.record", this::record);
        register(context, queue == null ? "test" : queue, "test.fail", job -> {
            throw new IllegalStateException("test.fail always fails");
        });
        register(context, InferenceService.QUEUE, "test.extract", job -> {
            inference.waitForService(10_000).extract(job.payload());
            broker.waitForService(10_000).commands().sync().sadd("skein-test:extracted", job.payload());
        });
    }

    private void register(BundleContext context, String queue, String task, TaskHandler handler) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(TaskHandler.TASK, task);
        properties.put(TaskHandler.QUEUE, queue);
        registrations.add(context.registerService(TaskHandler.class, handler, properties));
    }

    private void record(JobContext job) throws Exception {
        String[] parts = job.payload().split("\\|");
        String key = parts[0];
        BrokerService redis = broker.waitForService(10_000);
        redis.commands().sync().set("skein-test:started:" + key, job.id());
        if (parts.length > 1) {
            long until = System.currentTimeMillis() + Long.parseLong(parts[1]);
            while (System.currentTimeMillis() < until) {
                if (job.isCancelled()) {
                    throw new InterruptedException("cancelled");
                }
                Thread.sleep(20);
            }
        }
        redis.commands().sync().rpush("skein-test:runs:" + key, job.id() + "#" + job.attempt());
        redis.commands().sync().sadd("skein-test:effects", key);
    }

    @Override
    public void stop(BundleContext context) {
        registrations.forEach(ServiceRegistration::unregister);
        broker.close();
        inference.close();
    }
}
