package io.skein.queue.internal;

import io.lettuce.core.StreamMessage;

import java.util.Map;

/**
 * A job as a worker took it from the stream.
 *
 * @param sid the stream entry's id
 * @param id the job's id
 * @param task the task name
 * @param attempt the attempt this run is
 * @param payload the job's data
 */
record Delivery(String sid, String id, String task, int attempt, String payload) {

    /** The only entry layout there is so far. */
    static final String VERSION = "1";

    /** Reads a stream entry, or explains why it cannot be read as a job. */
    static Delivery parse(StreamMessage<String, String> message) throws Malformed {
        Map<String, String> body = message.getBody();
        if (body == null || body.isEmpty()) {
            throw new Malformed("entry has no fields");
        }
        String version = body.get("v");
        if (!VERSION.equals(version)) {
            throw new Malformed("unknown entry version \"" + version + "\"");
        }
        for (String field : new String[] {"id", "task", "attempt", "payload"}) {
            if (body.get(field) == null) {
                throw new Malformed("entry lacks the field \"" + field + "\"");
            }
        }
        int attempt;
        try {
            attempt = Integer.parseInt(body.get("attempt"));
        } catch (NumberFormatException e) {
            throw new Malformed("attempt \"" + body.get("attempt") + "\" is not a number");
        }
        if (attempt < 1 || body.get("id").isEmpty() || body.get("task").isEmpty()) {
            throw new Malformed("entry has an empty id or task, or an attempt below 1");
        }
        return new Delivery(message.getId(), body.get("id"), body.get("task"), attempt, body.get("payload"));
    }

    /** A stream entry that is not a job Skein can run. */
    static final class Malformed extends Exception {

        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }
}
