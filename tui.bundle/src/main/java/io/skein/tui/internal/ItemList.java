package io.skein.tui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import org.jline.utils.AttributedString;

/**
 * A scrolled list of items of one or more lines each (a mention and its wrapped quote, a dead job
 * and its failure), kept so that the selected item is whole on screen. Only the items on screen
 * are drawn, so a list of thousands costs what a screenful does.
 */
final class ItemList {

    private int top;

    List<AttributedString> render(int count, IntFunction<List<AttributedString>> item, int selected, int height) {
        List<AttributedString> lines = new ArrayList<>();
        if (count == 0 || height <= 0) {
            return lines;
        }
        top = Math.max(0, Math.min(top, count - 1));
        if (selected < top) {
            top = selected;
        }
        top = Math.max(top, firstFitting(item, selected, height));
        for (int i = top; i < count && lines.size() < height; i++) {
            for (AttributedString line : item.apply(i)) {
                if (lines.size() < height) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }

    /** The lowest index from which items up to {@code selected} fill at most {@code height} lines. */
    private static int firstFitting(IntFunction<List<AttributedString>> item, int selected, int height) {
        int first = selected;
        int lines = item.apply(selected).size();
        while (first > 0 && lines + item.apply(first - 1).size() <= height) {
            first--;
            lines += item.apply(first).size();
        }
        return first;
    }
}
