package io.skein.journal.internal;

import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.skein.broker.BrokerService;
import io.skein.inference.EntityType;
import io.skein.journal.GraphStore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The graph in the broker's Redis, per journal J:
 * <pre>
 *   skein:graph:{J}:entity:E     hash: name, type, aliases (separated by U+001F)
 *   skein:graph:{J}:entities     zset: entity id by number of mentions
 *   skein:graph:{J}:timeline:E   zset: entry id by entry time (epoch ms)
 *   skein:graph:{J}:sentence:E   hash: entry id to the sentence that mentions E
 *   skein:graph:{J}:entry:N      set: the entities entry N mentions
 *   skein:graph:{J}:seq          counter of entity ids
 * </pre>
 * Replacing an entry's mentions is one Lua script; entities left without mentions go with it.
 */
@Component(service = GraphStore.class)
public final class RedisGraph implements GraphStore {

    private static final String SEPARATOR = "\u001f";
    private static final JaroWinklerSimilarity SIMILARITY = new JaroWinklerSimilarity();

    private static final String REPLACE = """
            local p, entry, time = ARGV[1], ARGV[2], ARGV[3]
            local entryKey = p .. 'entry:' .. entry
            local touched = {}
            for _, e in ipairs(redis.call('SMEMBERS', entryKey)) do
              redis.call('ZREM', p .. 'timeline:' .. e, entry)
              redis.call('HDEL', p .. 'sentence:' .. e, entry)
              touched[e] = true
            end
            redis.call('DEL', entryKey)
            for i = 4, #ARGV, 2 do
              local e = ARGV[i]
              redis.call('SADD', entryKey, e)
              redis.call('ZADD', p .. 'timeline:' .. e, time, entry)
              redis.call('HSET', p .. 'sentence:' .. e, entry, ARGV[i + 1])
              touched[e] = true
            end
            for e, _ in pairs(touched) do
              local n = redis.call('ZCARD', p .. 'timeline:' .. e)
              if n == 0 and e ~= 'I' then
                redis.call('DEL', p .. 'entity:' .. e, p .. 'timeline:' .. e, p .. 'sentence:' .. e)
                redis.call('ZREM', p .. 'entities', e)
              else
                redis.call('ZADD', p .. 'entities', n, e)
              end
            end
            return 1
            """;

    /** Bound dynamically, like the journal's broker. */
    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile BrokerService broker;

    private RedisCommands<String, String> redis() {
        return connected().commands().sync();
    }

    private BrokerService connected() {
        BrokerService current = broker;
        if (current == null) {
            throw new io.lettuce.core.RedisException("The broker is not available");
        }
        return current;
    }

    private static String prefix(String journal) {
        return "skein:graph:{" + journal + "}:";
    }

    private void ensureAuthor(String journal) {
        String key = prefix(journal) + "entity:" + AUTHOR;
        if (redis().hsetnx(key, "name", AUTHOR)) {
            redis().hset(key, Map.of("type", EntityType.PERSON.name(), "aliases", ""));
            redis().zadd(prefix(journal) + "entities", 0, AUTHOR);
        }
    }

    @Override
    public List<GraphEntity> entities(String journal) {
        ensureAuthor(journal);
        // Every entity's hash is asked for before the first answer is read (one round trip, not one per entity).
        BrokerService current = connected();
        RedisAsyncCommands<String, String> async = current.commands().async();
        List<ScoredValue<String>> ranked = current.commands().sync().zrevrangeWithScores(prefix(journal) + "entities",
                0, -1);
        List<RedisFuture<Map<String, String>>> hashes = new ArrayList<>();
        for (ScoredValue<String> id : ranked) {
            hashes.add(async.hgetall(prefix(journal) + "entity:" + id.getValue()));
        }
        List<GraphEntity> entities = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            Map<String, String> hash = LettuceFutures.awaitOrCancel(hashes.get(i), current.commandTimeout().toMillis(),
                    TimeUnit.MILLISECONDS);
            if (!hash.isEmpty()) {
                entities.add(toEntity(journal, ranked.get(i).getValue(), hash, ranked.get(i).getScore()));
            }
        }
        return entities;
    }

    @Override
    public Optional<GraphEntity> entity(String journal, String id) {
        Map<String, String> hash = redis().hgetall(prefix(journal) + "entity:" + id);
        if (hash.isEmpty()) {
            return Optional.empty();
        }
        Double score = redis().zscore(prefix(journal) + "entities", id);
        return Optional.of(toEntity(journal, id, hash, score == null ? 0 : score));
    }

    private static GraphEntity toEntity(String journal, String id, Map<String, String> hash, double mentions) {
        String aliases = hash.getOrDefault("aliases", "");
        return new GraphEntity(journal, id, hash.get("name"), EntityType.valueOf(hash.get("type")),
                aliases.isEmpty() ? List.of() : Arrays.asList(aliases.split(SEPARATOR)), (int) mentions);
    }

    @Override
    public GraphEntity create(String journal, String name, EntityType type) {
        String id = "e" + redis().incr(prefix(journal) + "seq");
        redis().hset(prefix(journal) + "entity:" + id, Map.of("name", name, "type", type.name(), "aliases", ""));
        return new GraphEntity(journal, id, name, type, List.of(), 0);
    }

    @Override
    public void addAlias(String journal, String entityId, String alias) {
        String key = prefix(journal) + "entity:" + entityId;
        String aliases = redis().hget(key, "aliases");
        List<String> known = aliases == null || aliases.isEmpty() ? new ArrayList<>()
                : new ArrayList<>(Arrays.asList(aliases.split(SEPARATOR)));
        if (!known.contains(alias) && !alias.equals(redis().hget(key, "name"))) {
            known.add(alias);
            redis().hset(key, "aliases", String.join(SEPARATOR, known));
        }
    }

    @Override
    public void replaceMentions(String journal, String entryId, long entryTime, List<Mention> mentions) {
        ensureAuthor(journal);
        List<String> args = new ArrayList<>(List.of(prefix(journal), entryId, Long.toString(entryTime)));
        for (Mention mention : mentions) {
            args.add(mention.entityId());
            args.add(mention.sentence());
        }
        redis().eval(REPLACE, ScriptOutputType.INTEGER, new String[0], args.toArray(new String[0]));
    }

    @Override
    public List<Mention> timeline(String journal, String entityId) {
        String p = prefix(journal);
        List<Mention> mentions = new ArrayList<>();
        Map<String, String> sentences = redis().hgetall(p + "sentence:" + entityId);
        redis().zrangeWithScores(p + "timeline:" + entityId, 0, -1).forEach(scored -> mentions.add(
                new Mention(entityId, scored.getValue(), (long) scored.getScore(),
                        sentences.getOrDefault(scored.getValue(), ""))));
        return mentions;
    }

    @Override
    public List<Mention> mentionsIn(String journal, String entryId) {
        String p = prefix(journal);
        List<Mention> mentions = new ArrayList<>();
        for (String entityId : redis().smembers(p + "entry:" + entryId)) {
            Double time = redis().zscore(p + "timeline:" + entityId, entryId);
            mentions.add(new Mention(entityId, entryId, time == null ? 0 : time.longValue(),
                    String.valueOf(redis().hget(p + "sentence:" + entityId, entryId))));
        }
        return mentions;
    }

    @Override
    public List<GraphEntity> search(String journal, String text, int limit) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        Map<GraphEntity, Double> scores = new HashMap<>();
        for (GraphEntity entity : entities(journal)) {
            double best = 0;
            List<String> names = new ArrayList<>(entity.aliases());
            names.add(entity.name());
            for (String name : names) {
                String candidate = name.toLowerCase(Locale.ROOT);
                double score = candidate.startsWith(wanted) || candidate.contains(" " + wanted) ? 2
                        : SIMILARITY.apply(candidate, wanted);
                best = Math.max(best, score);
            }
            if (best >= 0.85) {
                scores.put(entity, best);
            }
        }
        return scores.entrySet().stream()
                .sorted(Map.Entry.<GraphEntity, Double>comparingByValue().reversed()
                        .thenComparing(e -> -e.getKey().mentions()))
                .limit(Math.max(1, limit)).map(Map.Entry::getKey).toList();
    }

    @Override
    public List<Related> related(String journal, String entityId, int limit) {
        String p = prefix(journal);
        Map<String, Integer> together = new HashMap<>();
        // One request per entry, all sent before the first answer is read: an entity with a thousand
        // mentions costs about one round trip, not a thousand.
        BrokerService current = connected();
        RedisAsyncCommands<String, String> async = current.commands().async();
        List<RedisFuture<Set<String>>> entries = new ArrayList<>();
        for (String entry : current.commands().sync().zrange(p + "timeline:" + entityId, 0, -1)) {
            entries.add(async.smembers(p + "entry:" + entry));
        }
        for (RedisFuture<Set<String>> members : entries) {
            for (String other : LettuceFutures.awaitOrCancel(members,
                    current.commandTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                if (!other.equals(entityId)) {
                    together.merge(other, 1, Integer::sum);
                }
            }
        }
        List<Related> related = new ArrayList<>();
        together.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
                .limit(Math.max(1, limit))
                .forEach(e -> entity(journal, e.getKey()).ifPresent(entity -> related.add(
                        new Related(entity, e.getValue()))));
        related.sort(Comparator.comparingInt(Related::together).reversed());
        return related;
    }
}
