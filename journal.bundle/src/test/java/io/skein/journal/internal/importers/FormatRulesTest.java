package io.skein.journal.internal.importers;

import static org.junit.Assert.assertEquals;

import java.util.List;

import org.junit.Test;

/** The per-format text rules: Day One's unescaping, jrnl's title and body, Obsidian's front matter. */
public class FormatRulesTest {

    @Test
    public void dayOneEscapesStandForThePunctuationMark() {
        assertEquals("e-reader. (1) [a]!", DayOneImporter.unescape("e\\-reader\\. \\(1\\) \\[a\\]\\!"));
        assertEquals("a \\. b", DayOneImporter.unescape("a \\\\. b"));
        assertEquals("\\n stays, \\é stays", DayOneImporter.unescape("\\n stays, \\é stays"));
        assertEquals("pasted - unescaped.", DayOneImporter.unescape("pasted - unescaped."));
    }

    @Test
    public void jrnlJoinsTitleAndBodyWithOneSpace() {
        assertEquals("26th. Up early.", JrnlImporter.join("26th.", "Up early.\n"));
        assertEquals("Mr.", JrnlImporter.join("Mr.", ""));
        assertEquals("", JrnlImporter.join(null, null));
    }

    @Test
    public void frontMatterTagsAreReadInTheirSimpleForms() {
        FrontMatter list = FrontMatter.split("---\ntitle: x\ntags:\n  - pepys\n  - \"diary\"\nalias: y\n---\n"
                + "\nText.\n");
        FrontMatter inline = FrontMatter.split("---\ntags: [a, '#b', c]\n---\nText.");

        assertEquals(new FrontMatter("Text.", List.of("pepys", "diary")), list);
        assertEquals(new FrontMatter("Text.", List.of("a", "b", "c")), inline);
    }

    @Test
    public void aNoteWithoutClosedFrontMatterIsAllBody() {
        assertEquals(new FrontMatter("Just text.", List.of()), FrontMatter.split("\n\nJust text.\n"));
        assertEquals(new FrontMatter("---\nno end", List.of()), FrontMatter.split("---\nno end"));
    }
}
