package io.skein.journal.internal;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.skein.broker.BrokerService;
import io.skein.journal.Entry;
import io.skein.journal.EntryDraft;
import io.skein.journal.GraphModule;
import io.skein.journal.GraphStore;
import io.skein.journal.JournalException;
import io.skein.journal.JournalService;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import io.skein.queue.QueueService;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Entries in the broker's Redis: a hash per entry ({@code skein:journal:{J}:entry:ID}) and a
 * timeline per journal ({@code skein:journal:{J}:timeline}, entry ids by time in epoch
 * milliseconds, negative before 1970). Each change is one Lua script, so an entry and its place in
 * the timeline change together. An entry is written before its modules' jobs are enqueued
 * (see {@link Pipeline}).
 */
@Component(service = JournalService.class, immediate = true)
public final class RedisJournal implements JournalService {

    static final String JOURNALS = "skein:journals";
    private static final String TAG_SEPARATOR = "\u001f";

    private static final String SAVE = """
            local saved = redis.call('HGET', KEYS[1], 'saved')
            local t = redis.call('TIME')
            local now = t[1] * 1000 + math.floor(t[2] / 1000)
            local edited = now
            local unchanged = false
            if saved and redis.call('HGET', KEYS[1], 'content') == ARGV[3] then
              edited = redis.call('HGET', KEYS[1], 'edited')
              unchanged = redis.call('HGET', KEYS[1], 'epoch') == ARGV[2]
            end
            redis.call('HSET', KEYS[1], 'time', ARGV[1], 'epoch', ARGV[2], 'content', ARGV[3], 'tags', ARGV[4],
              'saved', saved or now, 'edited', edited)
            redis.call('ZADD', KEYS[2], ARGV[2], ARGV[5])
            redis.call('SADD', KEYS[3], ARGV[6])
            if unchanged then return 2 end
            return saved and 0 or 1
            """;
    private static final String EDIT = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            local t = redis.call('TIME')
            redis.call('HSET', KEYS[1], 'content', ARGV[1], 'edited', t[1] * 1000 + math.floor(t[2] / 1000))
            return 1
            """;
    private static final String DELETE = """
            local gone = redis.call('DEL', KEYS[1])
            redis.call('ZREM', KEYS[2], ARGV[1])
            if redis.call('ZCARD', KEYS[2]) == 0 then redis.call('SREM', KEYS[3], ARGV[2]) end
            return gone
            """;

    /**
     * The broker and the queue are bound dynamically: a new broker (or queue) replaces the old one
     * under this component. While none is there the component is unsatisfied, like every dependent
     * of the broker; when the broker bundle is updated it goes and comes back with it.
     */
    private volatile BrokerService broker;

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile QueueService queues;

    private final Pipeline pipeline;
    private final BundleContext context;

    @Activate
    public RedisJournal(@Reference GraphStore graph, BundleContext context) {
        this.context = context;
        this.pipeline = new Pipeline(this::broker, this::queues, graph, this::get);
    }

    private BrokerService broker() {
        BrokerService current = broker;
        if (current == null) {
            throw new io.lettuce.core.RedisException("The broker is not available");
        }
        return current;
    }

    private QueueService queues() {
        QueueService current = queues;
        if (current == null) {
            throw new io.lettuce.core.RedisException("The queue is not available");
        }
        return current;
    }

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setBroker(BrokerService bound) {
        broker = bound;
        // modules may have arrived before the broker was bound (references bind in any order)
        pipeline.rememberPresentQuietly();
    }

    void unsetBroker(BrokerService unbound) {
        if (broker == unbound) {
            broker = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addModule(GraphModule module) {
        pipeline.moduleArrived(context, module);
    }

    void removeModule(GraphModule module) {
        pipeline.moduleLeft(module);
    }

    @Deactivate
    void deactivate() {
        pipeline.close();
    }

    /** Each graph module's state for an entry: waiting, running, done, retrying, dead, parked. */
    @Override
    public Map<String, String> progress(String journal, String id) throws JournalException {
        Validation.journal(journal);
        Validation.id(id);
        return pipeline.progress(journal, id);
    }

    private RedisCommands<String, String> redis() {
        return broker().commands().sync();
    }

    private static String entryKey(String journal, String id) {
        return "skein:journal:{" + journal + "}:entry:" + id;
    }

    private static String timelineKey(String journal) {
        return "skein:journal:{" + journal + "}:timeline";
    }

    @Override
    public Entry save(EntryDraft draft) throws JournalException {
        String journal = Validation.journal(draft.journal());
        String id = draft.id() == null ? UUID.randomUUID().toString() : Validation.id(draft.id());
        String content = Validation.content(draft.content());
        OffsetDateTime time = Validation.time(draft.time());
        List<String> tags = Validation.tags(draft.tags());
        Long outcome;
        try {
            outcome = redis().eval(SAVE, ScriptOutputType.INTEGER,
                    new String[] {entryKey(journal, id), timelineKey(journal), JOURNALS},
                    time.toString(), Long.toString(time.toInstant().toEpochMilli()), content,
                    String.join(TAG_SEPARATOR, tags), id, journal);
        } catch (RedisException e) {
            throw unavailable(e);
        }
        Entry saved = get(journal, id).orElseThrow(() -> new JournalException("Entry " + journal + "/" + id
                + " vanished right after it was saved"));
        // An unchanged entry gets only the jobs it lacks (the broker went away between the write and
        // the enqueue, say), so that saving it again after a failed save completes it.
        if (outcome == 2) {
            pipeline.submitMissing(saved);
        } else {
            pipeline.submit(saved);
        }
        return saved;
    }

    @Override
    public Entry edit(String journal, String id, String content) throws JournalException {
        Validation.journal(journal);
        Validation.id(id);
        Validation.content(content);
        try {
            Long edited = redis().eval(EDIT, ScriptOutputType.INTEGER, new String[] {entryKey(journal, id)}, content);
            if (edited == 0) {
                throw new JournalException("No entry " + id + " in journal " + journal);
            }
        } catch (RedisException e) {
            throw unavailable(e);
        }
        Entry edited = get(journal, id).orElseThrow();
        pipeline.submit(edited);
        return edited;
    }

    @Override
    public boolean delete(String journal, String id) throws JournalException {
        Validation.journal(journal);
        Validation.id(id);
        try {
            Long gone = redis().eval(DELETE, ScriptOutputType.INTEGER,
                    new String[] {entryKey(journal, id), timelineKey(journal), JOURNALS}, id, journal);
            pipeline.removed(journal, id);
            return gone == 1;
        } catch (RedisException e) {
            throw unavailable(e);
        }
    }

    @Override
    public Optional<Entry> get(String journal, String id) throws JournalException {
        Validation.journal(journal);
        Validation.id(id);
        try {
            Map<String, String> hash = redis().hgetall(entryKey(journal, id));
            return hash.isEmpty() ? Optional.empty() : Optional.of(entry(journal, id, hash));
        } catch (RedisException e) {
            throw unavailable(e);
        }
    }

    @Override
    public List<Entry> list(String journal, Instant from, Instant to, int limit) throws JournalException {
        Validation.journal(journal);
        Range.Boundary<Long> lower = from == null ? Range.Boundary.unbounded()
                : Range.Boundary.including(from.toEpochMilli());
        Range.Boundary<Long> upper = to == null ? Range.Boundary.unbounded()
                : Range.Boundary.excluding(to.toEpochMilli());
        try {
            List<String> ids = redis().zrevrangebyscore(timelineKey(journal), Range.from(lower, upper),
                    Limit.from(Math.max(1, limit)));
            RedisAsyncCommands<String, String> async = broker().commands().async();
            List<RedisFuture<Map<String, String>>> hashes = new ArrayList<>();
            for (String id : ids) {
                hashes.add(async.hgetall(entryKey(journal, id)));
            }
            List<Entry> entries = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                Map<String, String> hash = hashes.get(i).get();
                if (!hash.isEmpty()) {
                    entries.add(entry(journal, ids.get(i), hash));
                }
            }
            return entries;
        } catch (RedisException | ExecutionException e) {
            throw unavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JournalException("Interrupted while reading journal " + journal, e);
        }
    }

    @Override
    public List<String> journals() {
        return redis().smembers(JOURNALS).stream().sorted().toList();
    }

    private static Entry entry(String journal, String id, Map<String, String> hash) {
        String tags = hash.getOrDefault("tags", "");
        return new Entry(journal, id, OffsetDateTime.parse(hash.get("time")), hash.get("content"),
                tags.isEmpty() ? List.of() : Arrays.asList(tags.split(TAG_SEPARATOR)),
                Instant.ofEpochMilli(Long.parseLong(hash.get("saved"))),
                Instant.ofEpochMilli(Long.parseLong(hash.get("edited"))));
    }

    private static JournalException unavailable(Exception e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return new JournalException("The broker did not answer: " + cause.getMessage(), cause);
    }
}
