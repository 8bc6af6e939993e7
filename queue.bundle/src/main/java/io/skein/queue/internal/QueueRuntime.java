package io.skein.queue.internal;

import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.skein.broker.BrokerService;
import io.skein.queue.EnqueueOptions;
import io.skein.queue.JobInfo;
import io.skein.queue.JobState;
import io.skein.queue.QueueService;
import io.skein.queue.QueueStats;
import io.skein.queue.RetryPolicy;
import io.skein.queue.RetryPolicy.Decision;
import io.skein.queue.RetryPolicy.Failure;
import io.skein.queue.TaskHandler;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue on this host: the {@link QueueService}, and the workers of every queue that has a
 * handler here or a concurrency in configuration {@code skein.queue}. A host started with the
 * framework property {@code skein.workers=false} (a {@code ./skein exec}) runs no workers.
 *
 * <p>Handlers and retry policies are whiteboard services, tracked dynamically: a handler that
 * arrives starts its queue's workers and returns its parked jobs; the highest-ranked policy is
 * looked up at every failure. The broker is a static reference: when it goes, the workers stop
 * gracefully first.
 */
@Component(service = QueueService.class, immediate = true, configurationPid = QueueConfig.PID)
@Designate(ocd = QueueConfig.class)
public final class QueueRuntime implements QueueService {

    private static final Logger LOG = LoggerFactory.getLogger(QueueRuntime.class);

    private final Ranked<TaskHandler> handlers = new Ranked<>();
    private final Ranked<RetryPolicy> policies = new Ranked<>();
    private final RetryPolicy fallback = new ExponentialBackoffPolicy();
    private final Map<String, QueueWorkers> workers = new ConcurrentHashMap<>();

    private final BrokerService broker;
    private final RedisQueueService queues;
    private final Scripts scripts;
    private final Map<String, Object> properties;
    private final QueueConfig config;
    private final boolean workersEnabled;
    private final String hostId;
    private StatefulRedisPubSubConnection<String, String> control;
    private volatile boolean active;
    private String policyInForce = "";

    @Activate
    public QueueRuntime(@Reference BrokerService broker, BundleContext context, QueueConfig config,
            Map<String, Object> properties) {
        this.broker = broker;
        this.config = config;
        this.properties = properties;
        this.scripts = new Scripts(broker.commands());
        this.queues = new RedisQueueService(broker.commands(), scripts, this::retryPolicy);
        this.workersEnabled = !"false".equals(context.getProperty("skein.workers"));
        this.hostId = hostName() + "-" + ProcessHandle.current().pid();
        start();
    }

    /** Handlers are bound after this, each starting its queue's workers. */
    private void start() {
        active = true;
        if (!workersEnabled) {
            LOG.info("Queue service up without workers on this host (skein.workers=false)");
            return;
        }
        control = broker.openPubSub();
        control.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String pattern, String channel, String message) {
                String queue = channel.substring(channel.indexOf('{') + 1, channel.lastIndexOf('}'));
                Optional.ofNullable(workers.get(queue)).ifPresent(w -> w.onControl(message));
            }
        });
        try {
            control.sync().psubscribe("skein:{*}:control");
        } catch (RuntimeException e) {
            // workers also read the pause flag every few seconds
            LOG.warn("Queue could not subscribe to pause notifications yet ({}); workers poll the flag meanwhile",
                    Failures.message(e));
        }
        for (String queue : WorkerSettings.configuredQueues(properties)) {
            ensureWorkers(queue);
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "host";
        }
    }

    private synchronized void ensureWorkers(String queue) {
        if (!active || !workersEnabled || workers.containsKey(queue)) {
            return;
        }
        WorkerSettings settings = WorkerSettings.settings(config, properties, queue);
        QueueWorkers started = new QueueWorkers(queue, settings, broker, scripts, this::handlerFor, this::decide,
                () -> queues.prepareAgain(queue), hostId);
        workers.put(queue, started);
        started.start();
    }

    private TaskHandler handlerFor(String task) {
        return handlers.best(TaskHandler.TASK, task).orElse(null);
    }

    private Decision decide(Failure failure) {
        return policies.best().orElse(fallback).decide(failure);
    }

    private static String queueOf(ServiceReference<TaskHandler> reference) {
        Object queue = reference.getProperty(TaskHandler.QUEUE);
        return queue == null ? "default" : String.valueOf(queue);
    }

    @Reference(service = TaskHandler.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addHandler(ServiceReference<TaskHandler> reference, TaskHandler handler) {
        Object task = reference.getProperty(TaskHandler.TASK);
        if (task == null) {
            LOG.warn("Ignoring a TaskHandler without the {} property (service id {})", TaskHandler.TASK,
                    reference.getProperty("service.id"));
            return;
        }
        handlers.add(reference, handler);
        LOG.info("Handler for task {} registered (queue {})", task, queueOf(reference));
        ensureWorkers(queueOf(reference));
        workers.values().forEach(w -> w.unpark(String.valueOf(task)));
    }

    void updatedHandler(ServiceReference<TaskHandler> reference, TaskHandler handler) {
        addHandler(reference, handler);
    }

    void removeHandler(ServiceReference<TaskHandler> reference) {
        handlers.remove(reference);
        LOG.info("Handler for task {} unregistered; its new jobs park until one returns",
                reference.getProperty(TaskHandler.TASK));
    }

    @Reference(service = RetryPolicy.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addPolicy(ServiceReference<RetryPolicy> reference, RetryPolicy policy) {
        policies.add(reference, policy);
        reportPolicy();
    }

    void updatedPolicy(ServiceReference<RetryPolicy> reference, RetryPolicy policy) {
        reportPolicy();
    }

    void removePolicy(ServiceReference<RetryPolicy> reference) {
        policies.remove(reference);
        reportPolicy();
    }

    private synchronized void reportPolicy() {
        String now = retryPolicy();
        if (!now.equals(policyInForce)) {
            policyInForce = now;
            if (workersEnabled) {
                LOG.info("Retry policy in force: {}", now);
            }
        }
    }

    @Deactivate
    void deactivate() {
        active = false;
        List<QueueWorkers> running = List.copyOf(workers.values());
        running.parallelStream().forEach(QueueWorkers::stop);
        workers.clear();
        if (control != null) {
            control.close(); // to the end, like the workers' connections
        }
    }

    // ---- QueueService, delegated

    @Override
    public String enqueue(String queue, String task, String payload, EnqueueOptions options) {
        return queues.enqueue(queue, task, payload, options);
    }

    @Override
    public List<String> enqueueAll(String queue, String task, List<String> payloads, EnqueueOptions options) {
        return queues.enqueueAll(queue, task, payloads, options);
    }

    @Override
    public boolean cancel(String queue, String uniqueKey) {
        return queues.cancel(queue, uniqueKey);
    }

    @Override
    public QueueStats stats(String queue) {
        return queues.stats(queue);
    }

    @Override
    public List<String> queues() {
        return queues.queues();
    }

    @Override
    public List<JobInfo> jobs(String queue, JobState state, int limit) {
        return queues.jobs(queue, state, limit);
    }

    @Override
    public Optional<JobInfo> job(String queue, String jobId) {
        return queues.job(queue, jobId);
    }

    @Override
    public boolean replay(String queue, String jobId) {
        return queues.replay(queue, jobId);
    }

    @Override
    public int replayAll(String queue) {
        return queues.replayAll(queue);
    }

    @Override
    public void pause(String queue) {
        queues.pause(queue);
    }

    @Override
    public void resume(String queue) {
        queues.resume(queue);
    }

    @Override
    public boolean isPaused(String queue) {
        return queues.isPaused(queue);
    }

    @Override
    public String retryPolicy() {
        return policies.best().orElse(fallback).name();
    }
}
