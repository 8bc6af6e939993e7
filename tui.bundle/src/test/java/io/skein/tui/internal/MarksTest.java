package io.skein.tui.internal;

import static org.junit.Assert.assertEquals;

import java.util.Map;

import org.junit.Test;

public class MarksTest {

    @Test
    public void anEntryIsDoneOnlyWhenEveryModuleIs() {
        assertEquals("done", Marks.of(Map.of("entities", "done", "places", "done")));
        assertEquals("running", Marks.of(Map.of("entities", "done", "places", "running")));
    }

    @Test
    public void theWorstStateWins() {
        assertEquals("dead", Marks.of(Map.of("entities", "dead", "places", "retrying")));
        assertEquals("retrying", Marks.of(Map.of("entities", "retrying", "places", "waiting")));
        assertEquals("waiting for inference", Marks.of(Map.of("entities", "waiting for inference", "x", "running")));
        assertEquals("parked", Marks.of(Map.of("entities", "parked", "places", "done")));
    }

    @Test
    public void anEntryNoModuleTouchesHasADash() {
        assertEquals("-", Marks.of(Map.of()));
    }
}
