package io.skein.tui.internal;

import java.util.ArrayList;
import java.util.List;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.jline.utils.WCWidth;

/**
 * Text measured in terminal columns, not chars: a CJK character or an emoji takes two columns, a
 * combining accent none. Lines are cut and wrapped by columns so that every row fits the screen.
 */
final class Text {

    private Text() {
    }

    /** The columns a code point takes; control characters are shown as one blank. */
    static int columns(int codePoint) {
        return Math.max(WCWidth.wcwidth(codePoint), codePoint < 32 ? 1 : 0);
    }

    static int columns(CharSequence text) {
        return columns(text, 0, text.length());
    }

    static int columns(CharSequence text, int from, int to) {
        int width = 0;
        for (int i = from; i < to; i += Character.charCount(Character.codePointAt(text, i))) {
            width += columns(Character.codePointAt(text, i));
        }
        return width;
    }

    /** Text that is safe to draw: tabs, carriage returns and other control characters become blanks. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c < 32 && c != '\n' || c == 127 ? ' ' : c);
        }
        return out.toString();
    }

    /** At most {@code width} columns of {@code text}, ending in an ellipsis when something was cut. */
    static AttributedString fit(AttributedString text, int width) {
        if (width <= 0) {
            return AttributedString.EMPTY;
        }
        if (text.columnLength() <= width) {
            return text;
        }
        AttributedStringBuilder out = new AttributedStringBuilder();
        out.append(text.columnSubSequence(0, width - 1));
        return out.append("…").toAttributedString();
    }

    static AttributedString fit(String text, int width) {
        return fit(new AttributedString(printable(text)), width);
    }

    /** {@code text} cut or padded with blanks to exactly {@code width} columns. */
    static AttributedString pad(AttributedString text, int width) {
        AttributedString fitted = fit(text, width);
        AttributedStringBuilder out = new AttributedStringBuilder().append(fitted);
        for (int i = fitted.columnLength(); i < width; i++) {
            out.append(' ');
        }
        return out.toAttributedString();
    }

    static AttributedString pad(String text, int width) {
        return pad(new AttributedString(printable(text)), width);
    }

    static AttributedString styled(String text, AttributedStyle style) {
        return new AttributedString(printable(text), style);
    }

    /** {@code text} wrapped at word boundaries into lines of at most {@code width} columns. */
    static List<AttributedString> wrap(AttributedString text, int width) {
        List<AttributedString> lines = new ArrayList<>();
        for (int[] range : lines(text.toString(), width)) {
            lines.add(text.subSequence(range[0], range[1]));
        }
        return lines;
    }

    /**
     * Where {@code text} breaks into lines of at most {@code width} columns: each element is the
     * [start, end) char range of one line. A line break ends a line; a blank at which a line is
     * wrapped belongs to no line; a word longer than a line is cut.
     */
    static List<int[]> lines(String text, int width) {
        List<int[]> lines = new ArrayList<>();
        int columns = Math.max(1, width);
        int start = 0;
        while (true) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline;
            wrapParagraph(text, start, end, columns, lines);
            if (newline < 0) {
                return lines;
            }
            start = newline + 1;
        }
    }

    private static void wrapParagraph(String text, int from, int to, int width, List<int[]> lines) {
        int lineStart = from;
        int column = 0;
        int lastBlank = -1;
        int i = from;
        while (i < to) {
            int codePoint = text.codePointAt(i);
            int columns = columns(codePoint);
            if (column + columns > width && i > lineStart) {
                if (codePoint == ' ') {
                    lines.add(new int[] {lineStart, i});
                    lineStart = i + 1;
                    i = lineStart;
                } else if (lastBlank > lineStart) {
                    lines.add(new int[] {lineStart, lastBlank});
                    lineStart = lastBlank + 1;
                } else {
                    lines.add(new int[] {lineStart, i});
                    lineStart = i;
                }
                column = columns(text, lineStart, i);
                lastBlank = text.substring(lineStart, i).lastIndexOf(' ');
                lastBlank = lastBlank < 0 ? -1 : lineStart + lastBlank;
                continue;
            }
            if (codePoint == ' ') {
                lastBlank = i;
            }
            column += columns;
            i += Character.charCount(codePoint);
        }
        lines.add(new int[] {lineStart, to});
    }
}
