package io.skein.queue.internal;

import io.skein.queue.EnqueueOptions;
import io.skein.queue.JobInfo;
import io.skein.queue.JobState;
import io.skein.queue.QueueService;
import io.skein.queue.QueueStats;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Gogo commands of scope {@code queue}. */
@Component(service = QueueCommands.class, property = {
    "osgi.command.scope=queue",
    "osgi.command.function=stats",
    "osgi.command.function=jobs",
    "osgi.command.function=dead",
    "osgi.command.function=replay",
    "osgi.command.function=pause",
    "osgi.command.function=resume",
    "osgi.command.function=policy",
    "osgi.command.function=enqueue",
    "osgi.command.function=cancel"
})
public final class QueueCommands {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    @Reference
    private QueueService queues;

    @Descriptor("Counts of every queue's jobs by state")
    public String stats() {
        StringBuilder out = new StringBuilder(String.format("%-20s %8s %8s %8s %8s %8s %10s %8s  %s%n", "queue",
                "waiting", "active", "delayed", "parked", "dead", "completed", "oldest", "paused"));
        for (String queue : queues.queues()) {
            QueueStats s = queues.stats(queue);
            out.append(String.format("%-20s %8d %8d %8d %8d %8d %10d %8s  %s%n", queue, s.waiting(), s.active(),
                    s.delayed(), s.parked(), s.dead(), s.completed(), age(s.oldestWaiting()),
                    s.paused() ? "yes" : "no"));
        }
        return out.toString().stripTrailing();
    }

    @Descriptor("Counts of one queue's jobs by state")
    public String stats(@Descriptor("queue") String queue) {
        QueueStats s = queues.stats(queue);
        return String.format("queue       %s%nwaiting     %d%nactive      %d%ndelayed     %d%nparked      %d%n"
                + "dead        %d%ncompleted   %d%noldest      %s%npaused      %s", queue, s.waiting(), s.active(),
                s.delayed(), s.parked(), s.dead(), s.completed(), age(s.oldestWaiting()), s.paused() ? "yes" : "no");
    }

    @Descriptor("Lists a queue's jobs in one state: waiting, active, delayed, parked, dead or completed")
    public String jobs(
            @Descriptor("at most this many") @Parameter(names = {"-n", "--limit"}, absentValue = "20") int limit,
            @Descriptor("queue") String queue, @Descriptor("state") String state) {
        JobState wanted;
        try {
            wanted = JobState.valueOf(state.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown state \"" + state + "\": use waiting, active, delayed, parked, "
                    + "dead or completed");
        }
        return table(queues.jobs(queue, wanted, limit));
    }

    @Descriptor("Lists a queue's dead letters with their failure")
    public String dead(
            @Descriptor("at most this many") @Parameter(names = {"-n", "--limit"}, absentValue = "20") int limit,
            @Descriptor("queue") String queue) {
        return table(queues.jobs(queue, JobState.DEAD, limit));
    }

    @Descriptor("Sends a dead job back to its queue; 'all' replays every dead job of the queue")
    public String replay(@Descriptor("queue") String queue, @Descriptor("job id, or all") String job) {
        if ("all".equals(job)) {
            return "replayed " + queues.replayAll(queue) + " job(s) of " + queue;
        }
        if (!queues.replay(queue, job)) {
            throw new IllegalArgumentException("No dead job \"" + job + "\" in queue " + queue);
        }
        return "replayed " + job;
    }

    @Descriptor("Pauses a queue on every host: no job of it starts, none fails; running jobs finish")
    public String pause(@Descriptor("queue") String queue) {
        queues.pause(queue);
        return queue + " paused";
    }

    @Descriptor("Resumes a paused queue")
    public String resume(@Descriptor("queue") String queue) {
        queues.resume(queue);
        return queue + " resumed";
    }

    @Descriptor("Names the retry policy in force on this host")
    public String policy() {
        return queues.retryPolicy();
    }

    @Descriptor("Adds a job, e.g. queue:enqueue --delay 5 default my.task 'payload'")
    public String enqueue(
            @Descriptor("unique key") @Parameter(names = {"-u", "--unique"}, absentValue = "") String unique,
            @Descriptor("seconds to wait") @Parameter(names = {"-d", "--delay"}, absentValue = "0") double delay,
            @Descriptor("queue") String queue, @Descriptor("task") String task,
            @Descriptor("payload") String payload) {
        EnqueueOptions options = new EnqueueOptions(unique.isEmpty() ? null : unique,
                Duration.ofMillis(Math.round(delay * 1000)));
        return queues.enqueue(queue, task, payload, options);
    }

    @Descriptor("Cancels the job holding a unique key")
    public String cancel(@Descriptor("queue") String queue, @Descriptor("unique key") String unique) {
        if (!queues.cancel(queue, unique)) {
            throw new IllegalArgumentException("No job holds the unique key \"" + unique + "\" in queue " + queue);
        }
        return "cancelled the job holding " + unique;
    }

    private static String table(List<JobInfo> jobs) {
        if (jobs.isEmpty()) {
            return "(none)";
        }
        StringBuilder out = new StringBuilder();
        for (JobInfo job : jobs) {
            out.append(job.id()).append("  ").append(job.task()).append("  attempt ").append(job.attempt())
                    .append("  ").append(job.state().name().toLowerCase(Locale.ROOT));
            if (job.dueAt() != null) {
                out.append("  ").append(job.state() == JobState.DELAYED ? "due " : "at ")
                        .append(TIME.format(job.dueAt()));
            }
            if (job.failure() != null) {
                out.append("  failure: ").append(job.failure());
            }
            out.append('\n');
        }
        return out.toString().stripTrailing();
    }

    private static String age(Duration age) {
        long seconds = age.toSeconds();
        return seconds < 120 ? seconds + "s" : seconds < 7200 ? seconds / 60 + "m" : seconds / 3600 + "h";
    }
}
