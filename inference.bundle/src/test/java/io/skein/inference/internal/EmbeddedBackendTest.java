package io.skein.inference.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.skein.inference.Entity;
import io.skein.inference.EntityType;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.Test;

/** The embedded backend on sentences written for this test (not from the corpus). */
public class EmbeddedBackendTest {

    private static Map<String, EntityType> extract(String text) throws Exception {
        EmbeddedBackend backend = new EmbeddedBackend();
        backend.load();
        try {
            return backend.extract(text).stream().collect(Collectors.toMap(Entity::name, Entity::type));
        } finally {
            backend.unload();
        }
    }

    @Test
    public void titledNamesArePeoplePlacesFollowPrepositionsAndMealsAreActivities() throws Exception {
        Map<String, EntityType> found = extract("In the morning I went with Mr. Harbottle to Greenwich, where we had "
                + "a good dinner. Lady Clarabel came to Mincing Lane, and after the sermon we walked home.");

        assertEquals(EntityType.PERSON, found.get("Mr. Harbottle"));
        assertEquals(EntityType.PERSON, found.get("Lady Clarabel"));
        assertEquals(EntityType.PLACE, found.get("Greenwich"));
        assertEquals(EntityType.PLACE, found.get("Mincing Lane"));
        assertEquals(EntityType.ACTIVITY, found.get("dinner"));
        assertEquals(found.toString(), EntityType.ACTIVITY, found.get("sermon"));
    }

    @Test
    public void organisationHeadsNameBodiesAndEachEntityComesOnceInItsLongestForm() throws Exception {
        Map<String, EntityType> found = extract("Sir Anthony Brereton spoke at Gresham College. Later Brereton "
                + "and I walked home.");

        assertEquals(EntityType.ORGANIZATION, found.get("Gresham College"));
        assertEquals(EntityType.PERSON, found.get("Sir Anthony Brereton"));
        assertTrue("the short form is folded into the long one: " + found, !found.containsKey("Brereton"));
    }

    @Test
    public void eachEntityKeepsItsSentence() throws Exception {
        EmbeddedBackend backend = new EmbeddedBackend();
        backend.load();
        List<Entity> entities = backend.extract("We met Mr. Quill. Then supper.");
        Entity quill = entities.stream().filter(e -> e.name().equals("Mr. Quill")).findFirst().orElseThrow();
        assertEquals("We met Mr. Quill.", quill.sentence());
    }

    @Test
    public void extractingWithoutTheModelLoadedIsAnError() {
        assertThrows(IllegalStateException.class, () -> new EmbeddedBackend().extract("text"));
    }
}
