package io.skein.tui.internal;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.stream.Collectors;

import org.jline.utils.AttributedString;
import org.junit.Test;

public class TextTest {

    private static List<String> wrapped(String text, int width) {
        return Text.wrap(new AttributedString(text), width).stream().map(AttributedString::toString)
                .collect(Collectors.toList());
    }

    @Test
    public void wrapsAtBlanksAndDropsTheBlankAtTheBreak() {
        assertEquals(List.of("Dined with", "Mr. Pepys at", "the Dolphin."),
                wrapped("Dined with Mr. Pepys at the Dolphin.", 12));
    }

    @Test
    public void keepsLineBreaksAndEmptyLines() {
        assertEquals(List.of("one", "", "two"), wrapped("one\n\ntwo", 20));
    }

    @Test
    public void cutsAWordLongerThanALine() {
        assertEquals(List.of("abcd", "efgh", "ij"), wrapped("abcdefghij", 4));
    }

    @Test
    public void countsWideCharactersAsTwoColumns() {
        assertEquals(List.of("東京で", "友達と"), wrapped("東京で友達と", 6));
        assertEquals(4, Text.columns("🎉ok"));
        assertEquals("東京…", Text.fit("東京で友達と", 5).toString());
    }

    @Test
    public void keepsAccentsAndEmojiWhole() {
        assertEquals(List.of("café 🎉", "crème"), wrapped("café 🎉 crème", 7));
    }

    @Test
    public void padsToExactColumns() {
        assertEquals(6, Text.pad("東京", 6).columnLength());
        assertEquals("ab    ", Text.pad("ab", 6).toString());
    }
}
