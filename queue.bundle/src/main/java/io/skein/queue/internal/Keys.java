package io.skein.queue.internal;

/**
 * The Redis keys of one queue. All of a queue's keys share the hash tag {@code {queue}}.
 *
 * <pre>
 *   skein:{q}:stream            stream of runnable jobs; consumer group "workers"
 *   skein:{q}:job:ID            hash: task, payload, attempt, state, sid, unique, created, due, error, failed, cancel
 *   skein:{q}:delayed           zset: job id by due time (ms)
 *   skein:{q}:parked:TASK       zset: job id by parking time
 *   skein:{q}:parked-tasks      set: tasks that have had parked jobs
 *   skein:{q}:dead              zset: job id by time of death
 *   skein:{q}:unique            hash: unique key to job id
 *   skein:{q}:completed         list: the last 1,000 completed jobs ("id task attempt time")
 *   skein:{q}:completed-count   counter
 *   skein:{q}:paused            "1" while paused
 *   skein:{q}:control           pub/sub channel: "pause", "resume"
 *   skein:queues                set of queue names
 * </pre>
 */
record Keys(String queue) {

    static final String GROUP = "workers";
    static final String QUEUES = "skein:queues";

    private String prefix() {
        return "skein:{" + queue + "}:";
    }

    String stream() {
        return prefix() + "stream";
    }

    String jobPrefix() {
        return prefix() + "job:";
    }

    String job(String id) {
        return jobPrefix() + id;
    }

    String delayed() {
        return prefix() + "delayed";
    }

    String parkedPrefix() {
        return prefix() + "parked:";
    }

    String parked(String task) {
        return parkedPrefix() + task;
    }

    String parkedTasks() {
        return prefix() + "parked-tasks";
    }

    String dead() {
        return prefix() + "dead";
    }

    String unique() {
        return prefix() + "unique";
    }

    String completed() {
        return prefix() + "completed";
    }

    String completedCount() {
        return prefix() + "completed-count";
    }

    String paused() {
        return prefix() + "paused";
    }

    String control() {
        return prefix() + "control";
    }
}
