package io.skein.queue.internal;

import static io.skein.queue.internal.Scripts.Script.CANCEL;
import static io.skein.queue.internal.Scripts.Script.ENQUEUE;
import static io.skein.queue.internal.Scripts.Script.REPLAY;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.models.stream.PendingMessage;
import io.skein.queue.EnqueueOptions;
import io.skein.queue.JobInfo;
import io.skein.queue.JobState;
import io.skein.queue.QueueException;
import io.skein.queue.QueueService;
import io.skein.queue.QueueStats;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/** {@link QueueService} on the broker's Redis; every state change is one Lua script. */
final class RedisQueueService implements QueueService {

    static final int MAX_PAYLOAD_BYTES = 1 << 20;

    private final StatefulRedisConnection<String, String> connection;
    private final Scripts scripts;
    private final Supplier<String> policyName;
    private final Set<String> prepared = ConcurrentHashMap.newKeySet();

    RedisQueueService(StatefulRedisConnection<String, String> connection, Scripts scripts,
            Supplier<String> policyName) {
        this.connection = connection;
        this.scripts = scripts;
        this.policyName = policyName;
    }

    private RedisCommands<String, String> redis() {
        return connection.sync();
    }

    /** Registers the queue and creates its consumer group (from the start of the stream), once. */
    void prepare(String queue) {
        if (prepared.contains(queue)) {
            return;
        }
        Keys keys = new Keys(queue);
        try {
            redis().sadd(Keys.QUEUES, queue);
            redis().xgroupCreate(StreamOffset.from(keys.stream(), "0"), Keys.GROUP,
                    XGroupCreateArgs.Builder.mkstream());
        } catch (RedisBusyException e) {
            // the group exists already
        } catch (RedisException e) {
            throw Failures.queueException(e);
        }
        prepared.add(queue);
    }

    /** Creates the queue's group again, after the server said it has none (its data was lost). */
    void prepareAgain(String queue) {
        prepared.remove(queue);
        prepare(queue);
    }

    @Override
    public String enqueue(String queue, String task, String payload, EnqueueOptions options) {
        return enqueueAll(queue, task, List.of(payload), options).get(0);
    }

    @Override
    public List<String> enqueueAll(String queue, String task, List<String> payloads, EnqueueOptions options) {
        Names.queue(queue);
        Names.task(task);
        payloads.forEach(RedisQueueService::checkPayload);
        if (options.uniqueKey() != null && payloads.size() > 1) {
            throw new QueueException("A unique key fits one job, not " + payloads.size());
        }
        prepare(queue);
        Keys keys = new Keys(queue);
        List<CompletableFuture<String>> results = new ArrayList<>(payloads.size());
        for (String payload : payloads) {
            String id = JobIds.next();
            results.add(scripts.<String>run(ENQUEUE, ScriptOutputType.VALUE,
                    new String[] {keys.stream(), keys.delayed(), keys.unique(), keys.job(id)},
                    id, task, payload, options.uniqueKey() == null ? "" : options.uniqueKey(),
                    Long.toString(options.delay().toMillis())).toCompletableFuture());
        }
        List<String> ids = new ArrayList<>(results.size());
        for (CompletableFuture<String> result : results) {
            ids.add(await(result));
        }
        return ids;
    }

    private static void checkPayload(String payload) {
        if (payload == null) {
            throw new QueueException("A job needs a payload (it may be empty)");
        }
        if (payload.length() > MAX_PAYLOAD_BYTES / 4
                && payload.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
            throw new QueueException("A payload may hold at most 1 MB");
        }
    }

    @Override
    public boolean cancel(String queue, String uniqueKey) {
        Keys keys = new Keys(Names.queue(queue));
        Long cancelled = scripts.call(CANCEL, ScriptOutputType.INTEGER,
                new String[] {keys.unique(), keys.stream(), keys.delayed()},
                uniqueKey, keys.jobPrefix(), Keys.GROUP, keys.parkedPrefix());
        return cancelled == 1;
    }

    @Override
    public QueueStats stats(String queue) {
        Keys keys = new Keys(Names.queue(queue));
        try {
            long length = redis().xlen(keys.stream());
            long active = redis().exists(keys.stream()) == 0 ? 0 : pendingCount(keys);
            long parked = 0;
            for (String task : redis().smembers(keys.parkedTasks())) {
                parked += redis().zcard(keys.parked(task));
            }
            String completed = redis().get(keys.completedCount());
            return new QueueStats(queue, Math.max(0, length - active), active, redis().zcard(keys.delayed()),
                    parked, redis().zcard(keys.dead()), completed == null ? 0 : Long.parseLong(completed),
                    oldestWaiting(keys), redis().exists(keys.paused()) == 1);
        } catch (RedisException e) {
            throw Failures.queueException(e);
        }
    }

    private long pendingCount(Keys keys) {
        try {
            return redis().xpending(keys.stream(), Keys.GROUP).getCount();
        } catch (RedisException e) {
            if (String.valueOf(e.getMessage()).startsWith("NOGROUP")) {
                return 0;
            }
            throw e;
        }
    }

    private Duration oldestWaiting(Keys keys) {
        List<StreamMessage<String, String>> first = waitingEntries(keys, 1);
        if (first.isEmpty()) {
            return Duration.ZERO;
        }
        long enqueued = Long.parseLong(first.get(0).getId().split("-")[0]);
        return Duration.ofMillis(Math.max(0, System.currentTimeMillis() - enqueued));
    }

    /** Entries after the group's last delivered one: the waiting jobs, oldest first. */
    private List<StreamMessage<String, String>> waitingEntries(Keys keys, int limit) {
        String lastDelivered = lastDelivered(keys);
        Range<String> range = Range.from(lastDelivered == null ? Range.Boundary.unbounded()
                : Range.Boundary.excluding(lastDelivered), Range.Boundary.unbounded());
        return redis().xrange(keys.stream(), range, Limit.from(limit));
    }

    private String lastDelivered(Keys keys) {
        if (redis().exists(keys.stream()) == 0) {
            return null;
        }
        for (Object group : redis().xinfoGroups(keys.stream())) {
            List<?> fields = (List<?>) group;
            Map<String, Object> values = new java.util.HashMap<>();
            for (int i = 0; i + 1 < fields.size(); i += 2) {
                values.put(String.valueOf(fields.get(i)), fields.get(i + 1));
            }
            if (Keys.GROUP.equals(String.valueOf(values.get("name")))) {
                return String.valueOf(values.get("last-delivered-id"));
            }
        }
        return null;
    }

    @Override
    public List<String> queues() {
        try {
            return redis().smembers(Keys.QUEUES).stream().sorted().toList();
        } catch (RedisException e) {
            throw Failures.queueException(e);
        }
    }

    @Override
    public List<JobInfo> jobs(String queue, JobState state, int limit) {
        Keys keys = new Keys(Names.queue(queue));
        int count = Math.max(1, Math.min(limit, 10_000));
        try {
            return switch (state) {
                case WAITING -> hashes(queue, waitingEntries(keys, count).stream()
                        .map(m -> m.getBody().get("id")).toList(), false);
                case ACTIVE -> hashes(queue, activeIds(keys, count), true);
                case DELAYED -> hashes(queue, redis().zrange(keys.delayed(), 0, count - 1), false);
                case PARKED -> hashes(queue, parkedIds(keys, count), false);
                case DEAD -> hashes(queue, redis().zrevrange(keys.dead(), 0, count - 1), false);
                case COMPLETED -> redis().lrange(keys.completed(), 0, count - 1).stream()
                        .map(line -> Jobs.fromCompleted(queue, line)).toList();
                case CANCELLED -> List.of();
            };
        } catch (RedisException e) {
            throw Failures.queueException(e);
        }
    }

    private List<String> activeIds(Keys keys, int count) {
        if (redis().exists(keys.stream()) == 0) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (PendingMessage pending : redis().xpending(keys.stream(), Keys.GROUP, Range.create("-", "+"),
                Limit.from(count))) {
            for (StreamMessage<String, String> entry : redis().xrange(keys.stream(),
                    Range.create(pending.getId(), pending.getId()))) {
                ids.add(entry.getBody().get("id"));
            }
        }
        return ids;
    }

    private List<String> parkedIds(Keys keys, int count) {
        List<String> ids = new ArrayList<>();
        for (String task : redis().smembers(keys.parkedTasks())) {
            ids.addAll(redis().zrange(keys.parked(task), 0, count - 1));
        }
        return ids.size() > count ? ids.subList(0, count) : ids;
    }

    private List<JobInfo> hashes(String queue, List<String> ids, boolean taken) {
        Keys keys = new Keys(queue);
        List<JobInfo> jobs = new ArrayList<>();
        for (String id : ids) {
            if (id == null) {
                continue;
            }
            Map<String, String> hash = redis().hgetall(keys.job(id));
            if (!hash.isEmpty()) {
                jobs.add(Jobs.fromHash(queue, id, hash, taken));
            }
        }
        return jobs;
    }

    @Override
    public Optional<JobInfo> job(String queue, String jobId) {
        Keys keys = new Keys(Names.queue(queue));
        try {
            Map<String, String> hash = redis().hgetall(keys.job(jobId));
            if (hash.isEmpty()) {
                return redis().lrange(keys.completed(), 0, -1).stream().filter(l -> l.startsWith(jobId + " "))
                        .findFirst().map(line -> Jobs.fromCompleted(queue, line));
            }
            String sid = hash.get("sid");
            boolean taken = sid != null && !redis().xpending(keys.stream(), Keys.GROUP, Range.create(sid, sid),
                    Limit.from(1)).isEmpty();
            return Optional.of(Jobs.fromHash(queue, jobId, hash, taken));
        } catch (RedisException e) {
            throw Failures.queueException(e);
        }
    }

    @Override
    public boolean replay(String queue, String jobId) {
        Keys keys = new Keys(Names.queue(queue));
        prepare(queue);
        Long replayed = scripts.call(REPLAY, ScriptOutputType.INTEGER,
                new String[] {keys.dead(), keys.stream(), keys.unique(), keys.job(jobId)}, jobId);
        return replayed == 1;
    }

    @Override
    public int replayAll(String queue) {
        Keys keys = new Keys(Names.queue(queue));
        int replayed = 0;
        for (String id : redis().zrange(keys.dead(), 0, -1)) {
            if (replay(queue, id)) {
                replayed++;
            }
        }
        return replayed;
    }

    @Override
    public void pause(String queue) {
        Keys keys = new Keys(Names.queue(queue));
        prepare(queue);
        redis().set(keys.paused(), "1");
        redis().publish(keys.control(), "pause");
    }

    @Override
    public void resume(String queue) {
        Keys keys = new Keys(Names.queue(queue));
        redis().del(keys.paused());
        redis().publish(keys.control(), "resume");
    }

    @Override
    public boolean isPaused(String queue) {
        return redis().exists(new Keys(Names.queue(queue)).paused()) == 1;
    }

    @Override
    public String retryPolicy() {
        return policyName.get();
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueueException("Interrupted while talking to the broker", e);
        } catch (ExecutionException e) {
            throw Failures.queueException(e.getCause());
        }
    }
}
