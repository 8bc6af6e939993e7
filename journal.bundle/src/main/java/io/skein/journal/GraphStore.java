package io.skein.journal;

import io.skein.inference.EntityType;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The entity graph of each journal, in the broker: entities (id, name, type, aliases), their
 * mentions in entries (with the sentence that mentions them), each entity's timeline, lookup by
 * name, and related entities (mentioned in the same entries). The author is the entity {@code I}
 * of each journal.
 */
@ProviderType
public interface GraphStore {

    /** The author's entity id in every journal. */
    String AUTHOR = "I";

    /** An entity. */
    record GraphEntity(String journal, String id, String name, EntityType type, List<String> aliases,
            int mentions) {
    }

    /** A mention of an entity in an entry. */
    record Mention(String entityId, String entryId, long entryTime, String sentence) {
    }

    /** An entity and how many entries mention it together with another. */
    record Related(GraphEntity entity, int together) {
    }

    /** Every entity of a journal, most mentioned first. */
    List<GraphEntity> entities(String journal);

    Optional<GraphEntity> entity(String journal, String id);

    /** Creates an entity; returns it with its new id. */
    GraphEntity create(String journal, String name, EntityType type);

    /** Adds another name under which an entity was mentioned. */
    void addAlias(String journal, String entityId, String alias);

    /**
     * Replaces every mention an entry has with {@code mentions} (one per entity). Entities left
     * without any mention are removed, so the graph is always the graph of the entries as they are.
     */
    void replaceMentions(String journal, String entryId, long entryTime, List<Mention> mentions);

    /** Removes an entry's mentions (the entry was deleted). */
    default void removeEntry(String journal, String entryId) {
        replaceMentions(journal, entryId, 0, List.of());
    }

    /** The mentions of an entity, oldest first. */
    List<Mention> timeline(String journal, String entityId);

    /** The mentions in one entry. */
    List<Mention> mentionsIn(String journal, String entryId);

    /** Entities whose name or alias starts with, or closely resembles, {@code text}; best first. */
    List<GraphEntity> search(String journal, String text, int limit);

    /** Entities most often mentioned in the same entries as {@code entityId}. */
    List<Related> related(String journal, String entityId, int limit);
}
