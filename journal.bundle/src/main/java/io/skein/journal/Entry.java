package io.skein.journal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A saved entry.
 *
 * @param journal its journal
 * @param id its id, unique within the journal
 * @param time when it was written (the author's time, with its offset; UTC when none was given)
 * @param content its text
 * @param tags its tags
 * @param saved when it was first saved
 * @param edited when its content last changed
 */
public record Entry(String journal, String id, OffsetDateTime time, String content, List<String> tags,
        Instant saved, Instant edited) {

    /** The first line of the content, without Markdown heading marks, at most 80 characters. */
    public String title() {
        String first = content.strip().lines().findFirst().orElse("").replaceFirst("^#+\\s*", "");
        return first.length() <= 80 ? first : first.substring(0, 79) + "…";
    }
}
