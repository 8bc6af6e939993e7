package io.skein.journal.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.skein.inference.EntityType;

import org.junit.Test;

public class GraphCommandsTest {

    @Test
    public void typesAreKnownByTheirSingularPluralAndBritishNames() {
        assertEquals(EntityType.PERSON, GraphCommands.type("people"));
        assertEquals(EntityType.PLACE, GraphCommands.type("Places"));
        assertEquals(EntityType.ORGANIZATION, GraphCommands.type("organisation"));
        assertEquals(EntityType.ORGANIZATION, GraphCommands.type("org"));
        assertEquals(EntityType.ACTIVITY, GraphCommands.type("activities"));
    }

    @Test
    public void anUnknownTypeIsRefusedWithItsName() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> GraphCommands.type("animals"));
        assertEquals("Unknown entity type \"animals\": use person, place, organization or activity",
                refused.getMessage());
    }

    @Test
    public void anEntityNeedsAName() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new GraphCommands().entity("default"));
        assertEquals("graph:entity needs a name, e.g. graph:entity Pepys", refused.getMessage());
    }
}
