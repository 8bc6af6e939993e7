package io.skein.tui.internal;

import static org.junit.Assert.assertEquals;

import java.util.List;

import org.jline.utils.AttributedString;
import org.junit.Test;

public class ItemListTest {

    private static List<AttributedString> item(int index) {
        return List.of(new AttributedString("item " + index), new AttributedString("  more of " + index));
    }

    private static List<String> shown(ItemList list, int count, int selected, int height) {
        return list.render(count, ItemListTest::item, selected, height).stream().map(AttributedString::toString)
                .toList();
    }

    @Test
    public void theListStartsWithAWholeItemAndTheSelectedOneIsWholeOnScreen() {
        ItemList list = new ItemList();
        assertEquals("item 0", shown(list, 1000, 0, 5).get(0));
        List<String> end = shown(list, 1000, 999, 5);
        assertEquals(List.of("item 998", "  more of 998", "item 999", "  more of 999"), end);
    }

    @Test
    public void movingUpWithinTheScreenKeepsTheScrollAndAboveItScrollsToIt() {
        ItemList list = new ItemList();
        shown(list, 1000, 999, 6);
        assertEquals("item 997", shown(list, 1000, 998, 6).get(0));
        assertEquals("item 500", shown(list, 1000, 500, 6).get(0));
    }
}
