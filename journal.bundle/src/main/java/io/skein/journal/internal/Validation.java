package io.skein.journal.internal;

import io.skein.journal.JournalException;
import io.skein.journal.JournalService;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/** The journal's rules for input, each broken one named in words. */
final class Validation {

    private static final Pattern JOURNAL = Pattern.compile(JournalService.JOURNAL_NAME);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern TAG = Pattern.compile("[^\\u0000-\\u001f]{1,64}");

    private Validation() {
    }

    static String journal(String name) throws JournalException {
        if (name == null || !JOURNAL.matcher(name).matches()) {
            throw new JournalException("Journal name \"" + name + "\" is not valid: use 1 to 64 letters, digits, "
                    + "'_' or '-'");
        }
        return name;
    }

    static String id(String id) throws JournalException {
        if (id == null || !ID.matcher(id).matches()) {
            throw new JournalException("Entry id \"" + id + "\" is not valid: use 1 to 128 letters, digits, '.', "
                    + "'_', ':' or '-'");
        }
        return id;
    }

    static String content(String content) throws JournalException {
        if (content == null || content.isBlank()) {
            throw new JournalException("Entry content is empty");
        }
        int nul = content.indexOf('\0');
        if (nul >= 0) {
            throw new JournalException("Entry content holds a NUL character at character " + (nul + 1));
        }
        if (content.length() > JournalService.MAX_CONTENT) {
            throw new JournalException("Entry content has " + content.length() + " characters; at most "
                    + JournalService.MAX_CONTENT + " are allowed");
        }
        return content;
    }

    /** Reads a time: with an offset or Z as given, without a zone as UTC, a date alone as midnight UTC. */
    static OffsetDateTime time(String text) throws JournalException {
        if (text == null || text.isBlank()) {
            return OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
        }
        String value = text.trim();
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(value).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(value).atStartOfDay().atOffset(ZoneOffset.UTC);
                } catch (DateTimeParseException notDate) {
                    throw new JournalException("Entry time \"" + text + "\" is not an ISO-8601 date or time "
                            + "(e.g. 2024-04-19T21:48:36Z, 2024-04-19T21:48, 2024-04-19)");
                }
            }
        }
    }

    static List<String> tags(List<String> tags) throws JournalException {
        if (tags == null) {
            return List.of();
        }
        for (String tag : tags) {
            if (tag == null || !TAG.matcher(tag).matches()) {
                throw new JournalException("Tag \"" + tag + "\" is not valid: 1 to 64 characters, no control "
                        + "characters");
            }
        }
        return List.copyOf(tags);
    }
}
