package io.skein.journal.internal;

import io.skein.inference.EntityType;
import io.skein.journal.GraphStore;
import io.skein.journal.GraphStore.GraphEntity;
import io.skein.journal.GraphStore.Mention;
import io.skein.journal.GraphStore.Related;
import io.skein.journal.JournalException;
import io.skein.journal.JournalService;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Gogo commands of scope {@code graph}: the people, places, organisations and activities of a journal. */
@Component(service = GraphCommands.class, property = {
    "osgi.command.scope=graph",
    "osgi.command.function=entities",
    "osgi.command.function=entity",
    "osgi.command.function=search",
    "osgi.command.function=progress"
})
public final class GraphCommands {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    @Reference
    private GraphStore graph;

    @Reference
    private JournalService journal;

    @Descriptor("Lists a journal's entities, most mentioned first")
    public String entities(
            @Descriptor("journal") @Parameter(names = {"-j", "--journal"}, absentValue = "default") String name,
            @Descriptor("only this type: person, place, organization or activity")
            @Parameter(names = {"-t", "--type"}, absentValue = "") String type) {
        EntityType only = type.isEmpty() ? null : type(type);
        StringBuilder out = new StringBuilder();
        for (GraphEntity entity : graph.entities(name)) {
            if (entity.mentions() == 0 || only != null && entity.type() != only) {
                continue;
            }
            out.append(String.format("%-13s %-32s %3d mention(s)%n", entity.type().name().toLowerCase(Locale.ROOT),
                    entity.name(), entity.mentions()));
        }
        return out.length() == 0 ? "(no entities in " + name + " yet)" : out.toString().stripTrailing();
    }

    /** A type by its name, singular or plural, British or American spelling, or "org". */
    static EntityType type(String name) {
        String word = name.trim().toLowerCase(Locale.ROOT);
        return switch (word) {
            case "person", "people", "persons" -> EntityType.PERSON;
            case "place", "places" -> EntityType.PLACE;
            case "organization", "organizations", "organisation", "organisations", "org", "orgs" ->
                    EntityType.ORGANIZATION;
            case "activity", "activities" -> EntityType.ACTIVITY;
            default -> throw new IllegalArgumentException("Unknown entity type \"" + name
                    + "\": use person, place, organization or activity");
        };
    }

    @Descriptor("Shows an entity: its timeline of mentions with quotes, and the entities mentioned with it")
    public String entity(
            @Descriptor("journal") @Parameter(names = {"-j", "--journal"}, absentValue = "default") String name,
            @Descriptor("the entity's name, or the start of it") String... words) {
        String wanted = String.join(" ", words).trim();
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("graph:entity needs a name, e.g. graph:entity Pepys");
        }
        List<GraphEntity> found = graph.search(name, wanted, 1);
        if (found.isEmpty()) {
            throw new IllegalArgumentException("No entity like \"" + wanted + "\" in journal " + name);
        }
        GraphEntity entity = found.get(0);
        StringBuilder out = new StringBuilder(entity.name()).append(" (")
                .append(entity.type().name().toLowerCase(Locale.ROOT)).append(')');
        if (!entity.aliases().isEmpty()) {
            out.append(", also ").append(String.join(", ", entity.aliases()));
        }
        out.append('\n');
        for (Mention mention : graph.timeline(name, entity.id())) {
            out.append("  ").append(DAY.format(Instant.ofEpochMilli(mention.entryTime()))).append("  ")
                    .append(mention.entryId()).append("  \u201c").append(quote(mention.sentence())).append("\u201d\n");
        }
        List<Related> related = graph.related(name, entity.id(), 8);
        if (!related.isEmpty()) {
            out.append("mentioned with:");
            related.forEach(r -> out.append(' ').append(r.entity().name()).append(" (").append(r.together())
                    .append(')'));
        }
        return out.toString().stripTrailing();
    }

    private static String quote(String sentence) {
        String flat = sentence.replaceAll("\\s+", " ").trim();
        return flat.length() <= 140 ? flat : flat.substring(0, 139) + "…";
    }

    @Descriptor("Finds entities by the start of a name or a close spelling")
    public String search(
            @Descriptor("journal") @Parameter(names = {"-j", "--journal"}, absentValue = "default") String name,
            @Descriptor("text") String... words) {
        List<GraphEntity> found = graph.search(name, String.join(" ", words), 20);
        if (found.isEmpty()) {
            return "(nothing found)";
        }
        StringBuilder out = new StringBuilder();
        found.forEach(e -> out.append(String.format("%-13s %s%n", e.type().name().toLowerCase(Locale.ROOT),
                e.name())));
        return out.toString().stripTrailing();
    }

    @Descriptor("Shows each graph module's state for an entry")
    public String progress(
            @Descriptor("journal") @Parameter(names = {"-j", "--journal"}, absentValue = "default") String name,
            @Descriptor("entry id") String id) throws JournalException {
        Map<String, String> progress = journal.progress(name, id);
        if (progress.isEmpty()) {
            return "(no graph module has seen " + name + "/" + id + ")";
        }
        StringBuilder out = new StringBuilder();
        progress.forEach((module, state) -> out.append(String.format("%-12s %s%n", module, state)));
        return out.toString().stripTrailing();
    }
}
