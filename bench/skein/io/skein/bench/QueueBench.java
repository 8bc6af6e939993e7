package io.skein.bench;

import io.skein.queue.EnqueueOptions;
import io.skein.queue.JobContext;
import io.skein.queue.QueueService;
import io.skein.queue.TaskHandler;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Skein's half of bench/queue: a bundle dropped into a host's deploy folder. When the environment
 * names SKEIN_BENCH_OUT, it measures the queue of the host it runs in and writes one JSON line
 * there. No-op handlers run on queues bench-c1 (1 worker), bench-c16 and bench-lat (16 workers).
 */
public final class QueueBench implements BundleActivator {

    private final AtomicReference<CountDownLatch> done = new AtomicReference<>(new CountDownLatch(0));
    private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    private ServiceTracker<QueueService, QueueService> queues;
    private Thread runner;

    @Override
    public void start(BundleContext context) {
        queues = new ServiceTracker<>(context, QueueService.class, null);
        queues.open();
        for (String queue : new String[] {"bench-c1", "bench-c16", "bench-lat"}) {
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put(TaskHandler.TASK, "bench.noop");
            properties.put(TaskHandler.QUEUE, queue);
            context.registerService(TaskHandler.class, this::handle, properties);
        }
        String out = System.getenv("SKEIN_BENCH_OUT");
        if (out != null) {
            runner = new Thread(() -> run(Path.of(out)), "skein-bench");
            runner.start();
        }
    }

    private void handle(JobContext job) {
        if (job.queue().equals("bench-lat")) {
            latencies.add(System.nanoTime() - Long.parseLong(job.payload()));
        }
        done.get().countDown();
    }

    private void run(Path out) {
        try {
            int jobs = Integer.parseInt(System.getenv().getOrDefault("SKEIN_BENCH_JOBS", "20000"));
            int rate = Integer.parseInt(System.getenv().getOrDefault("SKEIN_BENCH_RATE", "200"));
            int seconds = Integer.parseInt(System.getenv().getOrDefault("SKEIN_BENCH_SECONDS", "10"));
            QueueService queue = queues.waitForService(60_000);
            Thread.sleep(2000);
            String json = measure(queue, jobs, rate, seconds);
            Files.writeString(out.resolveSibling(out.getFileName() + ".part"), json + "\n");
            Files.move(out.resolveSibling(out.getFileName() + ".part"), out);
        } catch (Exception e) {
            try {
                Files.writeString(out, "{\"error\":\"" + e + "\"}\n");
            } catch (Exception ignored) {
                // the script reports the missing result
            }
        }
    }

    private String measure(QueueService queue, int jobs, int rate, int seconds) throws Exception {
        List<String> payloads = IntStream.range(0, jobs).mapToObj(Integer::toString).toList();

        long start = System.nanoTime();
        for (String payload : payloads) {
            queue.enqueue("bench-enq-one", "bench.noop", payload);
        }
        double one = perSecond(jobs, start);

        start = System.nanoTime();
        bulk(queue, "bench-enq-bulk", payloads);
        double bulk = perSecond(jobs, start);

        double c1 = process(queue, "bench-c1", payloads);
        double c16 = process(queue, "bench-c16", payloads);

        latencies.clear();
        long interval = 1_000_000_000L / rate;
        int count = rate * seconds;
        done.set(new CountDownLatch(count));
        long next = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            queue.enqueue("bench-lat", "bench.noop", Long.toString(System.nanoTime()));
            next += interval;
        }
        done.get().await(120, TimeUnit.SECONDS);
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format(java.util.Locale.ROOT, "{\"system\":\"skein\",\"jobs\":%d,\"enqueue_one_per_s\":%.0f,"
                + "\"enqueue_bulk_per_s\":%.0f,\"process_c1_per_s\":%.0f,\"process_c16_per_s\":%.0f,"
                + "\"latency_p50_ms\":%.1f,\"latency_p99_ms\":%.1f}", jobs, one, bulk, c1, c16,
                percentile(sorted, 0.50), percentile(sorted, 0.99));
    }

    private static void bulk(QueueService queue, String name, List<String> payloads) {
        for (int from = 0; from < payloads.size(); from += 1000) {
            queue.enqueueAll(name, "bench.noop", payloads.subList(from, Math.min(payloads.size(), from + 1000)),
                    EnqueueOptions.NONE);
        }
    }

    /** Fills a paused queue, resumes it, and times until every job ran. */
    private double process(QueueService queue, String name, List<String> payloads) throws InterruptedException {
        queue.pause(name);
        Thread.sleep(500);
        bulk(queue, name, payloads);
        CountDownLatch latch = new CountDownLatch(payloads.size());
        done.set(latch);
        long start = System.nanoTime();
        queue.resume(name);
        if (!latch.await(600, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + ": only " + (payloads.size() - latch.getCount()) + " ran");
        }
        return perSecond(payloads.size(), start);
    }

    private static double perSecond(int jobs, long start) {
        return jobs / ((System.nanoTime() - start) / 1e9);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    @Override
    public void stop(BundleContext context) throws InterruptedException {
        if (runner != null) {
            runner.interrupt();
            runner.join(5000);
        }
        queues.close();
    }
}
