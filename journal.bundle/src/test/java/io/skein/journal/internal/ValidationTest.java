package io.skein.journal.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.skein.journal.JournalException;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.Test;

/** Each rule of the journal, with the exact message a user sees. */
public class ValidationTest {

    private static String error(ThrowingRunnable check) {
        return assertThrows(JournalException.class, check::run).getMessage();
    }

    private interface ThrowingRunnable {
        void run() throws JournalException;
    }

    @Test
    public void emptyContentIsRefused() {
        assertEquals("Entry content is empty", error(() -> Validation.content("  \n ")));
        assertEquals("Entry content is empty", error(() -> Validation.content(null)));
    }

    @Test
    public void nulCharacterIsRefusedWithItsPosition() {
        assertEquals("Entry content holds a NUL character at character 4", error(() -> Validation.content("abc\0d")));
    }

    @Test
    public void contentOverAHundredThousandCharactersIsRefused() throws Exception {
        Validation.content("x".repeat(100_000));
        assertEquals("Entry content has 100001 characters; at most 100000 are allowed",
                error(() -> Validation.content("x".repeat(100_001))));
    }

    @Test
    public void journalNamesAreLettersDigitsUnderscoreAndDashUpTo64() throws Exception {
        Validation.journal("Pepys_1660-diary");
        Validation.journal("j".repeat(64));
        assertEquals("Journal name \"my diary\" is not valid: use 1 to 64 letters, digits, '_' or '-'",
                error(() -> Validation.journal("my diary")));
        assertEquals("Journal name \"" + "j".repeat(65) + "\" is not valid: use 1 to 64 letters, digits, '_' or '-'",
                error(() -> Validation.journal("j".repeat(65))));
    }

    @Test
    public void timesWithoutAZoneAreUtcAndOldDatesWork() throws Exception {
        assertEquals(OffsetDateTime.of(1660, 8, 26, 21, 0, 0, 0, ZoneOffset.UTC),
                Validation.time("1660-08-26T21:00:00"));
        assertEquals(OffsetDateTime.of(1660, 8, 26, 0, 0, 0, 0, ZoneOffset.UTC), Validation.time("1660-08-26"));
        assertEquals(ZoneOffset.ofHours(2), Validation.time("2024-04-19T21:48:36+02:00").getOffset());
        assertEquals("Entry time \"2024-13-40\" is not an ISO-8601 date or time (e.g. 2024-04-19T21:48:36Z, "
                + "2024-04-19T21:48, 2024-04-19)", error(() -> Validation.time("2024-13-40")));
    }

    @Test
    public void callerIdsAreKeptWhenValid() throws Exception {
        assertEquals("9A13557B65165FAE94AC9F565AF602B4", Validation.id("9A13557B65165FAE94AC9F565AF602B4"));
        assertEquals("Entry id \"a/b\" is not valid: use 1 to 128 letters, digits, '.', '_', ':' or '-'",
                error(() -> Validation.id("a/b")));
    }
}
