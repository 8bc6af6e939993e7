package io.skein.tui.internal;

import io.skein.inference.InferenceService;
import io.skein.queue.JobInfo;
import io.skein.queue.JobState;
import io.skein.queue.QueueService;
import io.skein.queue.QueueStats;

import java.util.ArrayList;
import java.util.List;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/**
 * The background work: each queue's counts by state, the dead letters of the chosen queue with
 * their failures, and the switches: replay one or all, pause or resume the queue, inference on or
 * off (the inference queue is paused and resumed by the inference switch only). The retry policy
 * in force is named at the top.
 */
final class WorkScreen implements Screen {

    private static final int DEAD_SHOWN = 200;

    private List<QueueStats> queues = List.of();
    private List<JobInfo> dead = List.of();
    private String policy = "";
    private boolean inferenceOn;
    private int queue;
    private int selected;
    private final ItemList deadList = new ItemList();

    @Override
    public String title(Tui tui) {
        return "Work";
    }

    @Override
    public String hints() {
        return "Tab queue  r replay  R all  p pause  i inference";
    }

    @Override
    public void load(Tui tui) {
        QueueService service = tui.services.queue();
        policy = service.retryPolicy();
        List<QueueStats> stats = new ArrayList<>();
        for (String name : service.queues()) {
            stats.add(service.stats(name));
        }
        queues = stats;
        queue = Math.max(0, Math.min(queue, queues.size() - 1));
        dead = queues.isEmpty() ? List.of() : service.jobs(queues.get(queue).queue(), JobState.DEAD, DEAD_SHOWN);
        selected = Math.max(0, Math.min(selected, dead.size() - 1));
        inferenceOn = tui.services.inference().isEnabled();
    }

    @Override
    public List<AttributedString> render(Tui tui, int width, int height) {
        List<AttributedString> lines = new ArrayList<>();
        lines.add(Text.styled("inference: " + (inferenceOn ? "on" : "off (its queue is paused on every host)"),
                tui.style().heading()));
        lines.add(Text.styled("retry policy: " + policy, tui.style().plain()));
        lines.add(Text.styled(String.format("  %-16s %8s %7s %8s %7s %6s %10s", "queue", "waiting", "active",
                "delayed", "parked", "dead", "completed"), tui.style().heading()));
        for (int i = 0; i < queues.size(); i++) {
            QueueStats stats = queues.get(i);
            String row = String.format("%s %-16s %8d %7d %8d %7d %6d %10d%s", i == queue ? ">" : " ", stats.queue(),
                    stats.waiting(), stats.active(), stats.delayed(), stats.parked(), stats.dead(), stats.completed(),
                    stats.paused() ? "  paused" : "");
            lines.add(Text.styled(row, i == queue ? tui.style().heading() : tui.style().plain()));
        }
        if (queues.isEmpty()) {
            lines.add(Text.styled("  no queue has had a job yet", tui.style().faint()));
            return lines;
        }
        lines.add(AttributedString.EMPTY);
        lines.add(Text.styled("Dead letters of " + queues.get(queue).queue() + " (" + queues.get(queue).dead() + ")",
                tui.style().heading()));
        if (dead.isEmpty()) {
            lines.add(Text.styled("  none", tui.style().faint()));
        }
        int room = Math.max(1, height - lines.size());
        lines.addAll(deadList.render(dead.size(), i -> deadJob(tui, i, width), selected, room));
        return lines;
    }

    /** A dead job on one line, its failure wrapped on up to three more. */
    private List<AttributedString> deadJob(Tui tui, int index, int width) {
        JobInfo job = dead.get(index);
        List<AttributedString> lines = new ArrayList<>();
        String head = String.format("%s %s  %s  try %d  %s", index == selected ? ">" : " ", job.id(), job.task(),
                job.attempt(), job.payload() == null ? "" : Text.printable(job.payload()));
        lines.add(Text.styled(head, index == selected ? tui.style().selected() : tui.style().plain()));
        String failure = job.failure() == null ? "(no failure recorded)"
                : job.failure().strip().replaceAll("\\s+", " ");
        List<AttributedString> wrapped = Text.wrap(Text.styled(failure, tui.style().error()), width - 4);
        for (int i = 0; i < Math.min(3, wrapped.size()); i++) {
            lines.add(new AttributedStringBuilder().append("    ").append(wrapped.get(i)).toAttributedString());
        }
        return lines;
    }

    @Override
    public boolean key(Tui tui, Key key, String typed) throws Exception {
        switch (key) {
            case UP -> selected = Math.max(0, selected - 1);
            case DOWN -> selected = Math.max(0, Math.min(dead.size() - 1, selected + 1));
            case TAB -> {
                queue = queues.isEmpty() ? 0 : (queue + 1) % queues.size();
                selected = 0;
                load(tui);
            }
            case LEFT -> tui.back();
            case CHAR -> {
                return typed(tui, typed);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private boolean typed(Tui tui, String typed) {
        if (!"rRpi".contains(typed)) {
            return false;
        }
        QueueService service = tui.services.queue();
        String name = queues.isEmpty() ? null : queues.get(queue).queue();
        switch (typed) {
            case "r" -> {
                if (!dead.isEmpty()) {
                    JobInfo job = dead.get(selected);
                    boolean replayed = service.replay(name, job.id());
                    tui.say(replayed ? "Replayed job " + job.id() + " of " + name + "."
                            : "Job " + job.id() + " is no longer dead; nothing replayed.");
                }
            }
            case "R" -> {
                if (name != null) {
                    tui.confirm("Replay every dead job of " + name + "?",
                            () -> tui.say("Replayed " + service.replayAll(name) + " job(s) of " + name + "."));
                }
            }
            case "p" -> {
                if (InferenceService.QUEUE.equals(name)) {
                    tui.fail("The inference queue follows the inference switch: press i to switch it "
                            + (inferenceOn ? "off" : "on") + ".");
                } else if (name != null) {
                    boolean paused = service.isPaused(name);
                    if (paused) {
                        service.resume(name);
                    } else {
                        service.pause(name);
                    }
                    tui.say((paused ? "Resumed " : "Paused ") + name + " on every host.");
                }
            }
            case "i" -> {
                InferenceService inference = tui.services.inference();
                boolean on = !inference.isEnabled();
                inference.setEnabled(on);
                tui.say("Inference " + (on ? "on" : "off: new entries wait for inference, the model unloads") + ".");
            }
            default -> {
                return false;
            }
        }
        tui.reload();
        return true;
    }
}
