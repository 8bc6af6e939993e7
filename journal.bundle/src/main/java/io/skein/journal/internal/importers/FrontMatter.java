package io.skein.journal.internal.importers;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Markdown note split into its optional YAML front matter and its body. Only {@code tags} is read
 * from the front matter, in its two simple forms ({@code tags: [a, b]} or {@code tags: a, b}, and a
 * {@code tags:} line followed by {@code - a} items); anything fancier is left alone.
 *
 * @param body the text after the front matter and the blank lines that follow it, without trailing
 *        whitespace
 * @param tags the front matter's tags, without quotes or a leading {@code #}
 */
record FrontMatter(String body, List<String> tags) {

    private static final Pattern BLOCK = Pattern.compile("\\A---[ \\t]*\\R(.*?)^---[ \\t]*(?:\\R|\\z)",
            Pattern.DOTALL | Pattern.MULTILINE);
    private static final Pattern LEADING_BLANK_LINES = Pattern.compile("\\A(?:[ \\t]*\\R)+");
    private static final Pattern ITEM = Pattern.compile("\\s*-\\s+(.*)");

    static FrontMatter split(String note) {
        String text = note.startsWith("\uFEFF") ? note.substring(1) : note;
        Matcher block = BLOCK.matcher(text);
        if (!block.find()) {
            return new FrontMatter(body(text), List.of());
        }
        return new FrontMatter(body(text.substring(block.end())), tags(block.group(1)));
    }

    private static String body(String text) {
        return LEADING_BLANK_LINES.matcher(text).replaceFirst("").stripTrailing();
    }

    private static List<String> tags(String yaml) {
        List<String> tags = new ArrayList<>();
        boolean inList = false;
        for (String line : yaml.lines().toList()) {
            Matcher item = ITEM.matcher(line);
            if (line.startsWith("tags:")) {
                String inline = line.substring("tags:".length()).strip();
                inList = inline.isEmpty();
                addInline(inline, tags);
            } else if (inList && item.matches()) {
                addTag(item.group(1), tags);
            } else {
                inList = false;
            }
        }
        return tags;
    }

    private static void addInline(String value, List<String> tags) {
        String list = value.startsWith("[") && value.endsWith("]") ? value.substring(1, value.length() - 1) : value;
        for (String tag : list.split(",")) {
            addTag(tag, tags);
        }
    }

    private static void addTag(String raw, List<String> tags) {
        String tag = raw.strip().replaceAll("^([\"'])(.*)\\1$", "$2").replaceFirst("^#", "").strip();
        if (!tag.isEmpty()) {
            tags.add(tag);
        }
    }
}
