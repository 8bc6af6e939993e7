package io.skein.queue.internal;

import io.skein.queue.JobInfo;
import io.skein.queue.JobState;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/** Reads a job hash into a {@link JobInfo}. */
final class Jobs {

    private Jobs() {
    }

    static JobInfo fromHash(String queue, String id, Map<String, String> hash, boolean taken) {
        JobState state = JobState.valueOf(hash.getOrDefault("state", "waiting").toUpperCase(Locale.ROOT));
        if (state == JobState.WAITING && taken) {
            state = JobState.ACTIVE;
        }
        String unique = hash.getOrDefault("unique", "");
        return new JobInfo(id, queue, hash.getOrDefault("task", "?"), state,
                Integer.parseInt(hash.getOrDefault("attempt", "1")), hash.getOrDefault("payload", ""),
                unique.isEmpty() ? null : unique, millis(hash.get("created")), millis(hash.get("due")),
                hash.get("error"));
    }

    /** A line of the completed list: "id task attempt millis". */
    static JobInfo fromCompleted(String queue, String line) {
        String[] parts = line.split(" ", 4);
        Instant at = millis(parts.length > 3 ? parts[3] : null);
        return new JobInfo(parts[0], queue, parts.length > 1 ? parts[1] : "?", JobState.COMPLETED,
                parts.length > 2 ? Integer.parseInt(parts[2]) : 1, null, null, null, at, null);
    }

    static String completedLine(String id, String task, int attempt) {
        return id + " " + task + " " + attempt + " " + System.currentTimeMillis();
    }

    private static Instant millis(String value) {
        return value == null || value.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(value));
    }
}
