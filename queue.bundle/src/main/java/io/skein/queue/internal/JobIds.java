package io.skein.queue.internal;

import java.security.SecureRandom;

/** Job ids: the time in base 36 (so that ids sort by creation) and 8 random base-36 characters. */
final class JobIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private JobIds() {
    }

    static String next() {
        StringBuilder id = new StringBuilder(Long.toString(System.currentTimeMillis(), 36)).append('-');
        for (int i = 0; i < 8; i++) {
            id.append(Character.forDigit(RANDOM.nextInt(36), 36));
        }
        return id.toString();
    }
}
