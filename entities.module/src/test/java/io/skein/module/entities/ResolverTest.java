package io.skein.module.entities;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.skein.inference.EntityType;
import io.skein.journal.GraphStore.GraphEntity;

import java.util.List;
import java.util.Optional;

import org.junit.Test;

public class ResolverTest {

    private static GraphEntity person(String id, String name) {
        return new GraphEntity("j", id, name, EntityType.PERSON, List.of(), 1);
    }

    private static Optional<String> resolve(String name, List<GraphEntity> known) {
        return Resolver.resolve(name, EntityType.PERSON, known).map(GraphEntity::id);
    }

    @Test
    public void titlesBareSurnamesAndFullNamesOfOnePersonResolveToIt() {
        List<GraphEntity> known = List.of(person("e1", "Mr. Pepys"));
        assertEquals(Optional.of("e1"), resolve("Pepys", known));
        assertEquals(Optional.of("e1"), resolve("Sam Pepys", known));
        assertEquals(Optional.of("e1"), resolve("Mr.\u00a0Pepys", known));
    }

    @Test
    public void differentGivenNamesWithOneSurnameStayApart() {
        List<GraphEntity> known = List.of(person("e1", "Sir W. Penn"));
        assertEquals(Optional.empty(), resolve("John Penn", known));
        assertEquals(Optional.of("e1"), resolve("Sir William Penn", known));
    }

    @Test
    public void aBareSurnameSharedByTwoKnownPeopleIsNotMerged() {
        List<GraphEntity> known = List.of(person("e1", "W. Penn"), person("e2", "John Penn"));
        assertTrue(resolve("Penn", known).isEmpty());
    }

    @Test
    public void otherTypesMatchByNameOrCloseSpelling() {
        GraphEntity place = new GraphEntity("j", "p1", "Whitehall", EntityType.PLACE, List.of(), 1);
        assertEquals(Optional.of("p1"), Resolver.resolve("White-hall", EntityType.PLACE, List.of(place))
                .map(GraphEntity::id).or(() -> Resolver.resolve("Whitehal", EntityType.PLACE, List.of(place))
                        .map(GraphEntity::id)));
        assertTrue(Resolver.resolve("Whitehall", EntityType.PERSON, List.of(place)).isEmpty());
    }
}
