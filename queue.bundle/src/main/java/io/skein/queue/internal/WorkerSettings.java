package io.skein.queue.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How one queue's workers run on this host.
 *
 * @param concurrency jobs run at once
 * @param lease how long a taken job may go without renewal before another worker takes it as lost
 * @param block how long one blocking read waits on the server (shorter than the client timeout)
 * @param shutdownGrace how long running jobs may take to finish when the host stops
 */
record WorkerSettings(int concurrency, Duration lease, Duration block, Duration shutdownGrace) {

    WorkerSettings {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        }
        if (lease.toMillis() < 1000) {
            throw new IllegalArgumentException("lease must be at least 1 s, was " + lease);
        }
    }

    /** The queues named in {@code queue.NAME.*} properties. */
    static List<String> configuredQueues(Map<String, Object> properties) {
        List<String> queues = new ArrayList<>();
        for (String key : properties.keySet()) {
            if (key.startsWith("queue.") && key.lastIndexOf('.') > "queue.".length()) {
                String queue = key.substring("queue.".length(), key.lastIndexOf('.'));
                if (!queues.contains(queue)) {
                    queues.add(Names.queue(queue));
                }
            }
        }
        return queues;
    }

    static WorkerSettings settings(QueueConfig config, Map<String, Object> properties, String queue) {
        // The inference queue holds one model; it runs one job at a time unless configured otherwise.
        int fallback = "inference".equals(queue) ? 1 : config.concurrency();
        int concurrency = number(properties, "queue." + queue + ".concurrency", fallback);
        int lease = number(properties, "queue." + queue + ".lease", config.lease());
        return new WorkerSettings(concurrency, Duration.ofSeconds(lease), Duration.ofMillis(config.block()),
                Duration.ofSeconds(config.shutdown_timeout()));
    }

    private static int number(Map<String, Object> properties, String key, int fallback) {
        Object value = properties.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Configuration skein.queue: " + key + " \"" + value
                    + "\" is not a whole number");
        }
    }
}
