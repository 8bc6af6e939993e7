package io.skein.module.entities;

import io.skein.inference.Entity;
import io.skein.inference.InferenceException;
import io.skein.inference.InferenceService;
import io.skein.journal.GraphModule;
import io.skein.journal.GraphStore;
import io.skein.journal.GraphStore.GraphEntity;
import io.skein.journal.GraphStore.Mention;
import io.skein.queue.PermanentFailure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Extracts an entry's entities through the InferenceService, resolves each against the journal's
 * known entities ({@link Resolver}) and replaces the entry's mentions with them. Running it twice
 * on an entry gives the same graph: names resolve to the entities the first run created.
 */
@Component(service = GraphModule.class)
public final class EntitiesModule implements GraphModule {

    @Reference
    private InferenceService inference;

    @Override
    public String name() {
        return "entities";
    }

    @Override
    public List<String> dependsOn() {
        return List.of();
    }

    @Override
    public String task() {
        return "graph.entities";
    }

    @Override
    public String queue() {
        return InferenceService.QUEUE;
    }

    @Override
    public void process(io.skein.journal.Entry entry, GraphStore graph) throws Exception {
        List<Entity> found;
        try {
            found = inference.extract(entry.content());
        } catch (InferenceException e) {
            if (e.isTransient()) {
                throw e;
            }
            throw new PermanentFailure(e.getMessage() + (e.answer() == null ? "" : "; the model answered: "
                    + e.answer()), e);
        }
        List<GraphEntity> known = new ArrayList<>(graph.entities(entry.journal()));
        Map<String, Mention> mentions = new LinkedHashMap<>();
        long time = entry.time().toInstant().toEpochMilli();
        for (Entity entity : found) {
            Optional<GraphEntity> match = Resolver.resolve(entity.name(), entity.type(), known);
            GraphEntity resolved = match.orElseGet(() -> {
                GraphEntity created = graph.create(entry.journal(), entity.name(), entity.type());
                known.add(created);
                return created;
            });
            if (match.isPresent()) {
                graph.addAlias(entry.journal(), resolved.id(), entity.name());
            }
            mentions.putIfAbsent(resolved.id(), new Mention(resolved.id(), entry.id(), time, entity.sentence()));
        }
        graph.replaceMentions(entry.journal(), entry.id(), time, List.copyOf(mentions.values()));
    }
}
