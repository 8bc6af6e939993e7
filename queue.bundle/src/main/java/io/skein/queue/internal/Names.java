package io.skein.queue.internal;

import io.skein.queue.QueueException;

import java.util.regex.Pattern;

/** Checks queue and task names, so that they can go into Redis keys safely. */
final class Names {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private Names() {
    }

    static String queue(String name) {
        return check("queue", name);
    }

    static String task(String name) {
        return check("task", name);
    }

    private static String check(String kind, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new QueueException("Invalid " + kind + " name \"" + name + "\": use 1 to 64 letters, digits, "
                    + "'.', '_' or '-'");
        }
        return name;
    }
}
