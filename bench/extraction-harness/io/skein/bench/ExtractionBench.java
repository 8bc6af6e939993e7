package io.skein.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * bench/extraction, second half: waits on a running Skein's broker until every imported entry's
 * graph module is done, then scores the graph against the gold file. Every entity the graph holds
 * for an entry counts against that entry's gold; names compare after whitespace and case
 * normalisation.
 *
 * <p>Arguments: data directory, corpus folder, gold file, journal, number of entries, and the
 * time (epoch ms) the import started.
 */
public final class ExtractionBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        Path corpus = Path.of(args[1]);
        Path gold = Path.of(args[2]);
        String journal = args[3];
        int entries = Integer.parseInt(args[4]);
        long importStarted = Long.parseLong(args[5]);
        String secret = Files.readString(home.resolve("broker.secret")).trim();
        RedisClient client = RedisClient.create();
        try (StatefulRedisConnection<String, String> connection = client.connect(RedisURI.Builder
                .socket(home.resolve("redis.sock").toString()).withPassword(secret.toCharArray()).build())) {
            RedisCommands<String, String> redis = connection.sync();
            Map<String, String> ids = ids(corpus);
            long done = awaitDone(redis, journal, ids.keySet(), entries);
            System.out.printf(Locale.ROOT, "time until every entry's modules are done: %.1f s%n",
                    (done - importStarted) / 1000.0);
            score(redis, journal, ids, gold(gold));
        } finally {
            client.shutdown();
        }
    }

    /** Day One uuid to gold id. */
    private static Map<String, String> ids(Path corpus) throws Exception {
        Map<String, String> ids = new HashMap<>();
        for (String line : Files.readAllLines(corpus.resolve("manifest.jsonl"))) {
            if (!line.isBlank()) {
                JsonNode entry = JSON.readTree(line);
                ids.put(entry.get("dayone_uuid").asText(), entry.get("id").asText());
            }
        }
        return ids;
    }

    private static long awaitDone(RedisCommands<String, String> redis, String journal, Set<String> entryIds,
            int expected) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 600_000;
        while (System.currentTimeMillis() < deadline) {
            int done = 0;
            for (String id : entryIds) {
                if ("done".equals(redis.hget("skein:journal:{" + journal + "}:state:" + id, "entities"))) {
                    done++;
                }
            }
            if (done >= expected) {
                return System.currentTimeMillis();
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the entries' modules did not finish within 10 minutes");
    }

    private static Map<String, Set<String>> gold(Path file) throws Exception {
        Map<String, Set<String>> gold = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                JsonNode entry = JSON.readTree(line);
                Set<String> keys = new HashSet<>();
                entry.get("entities").forEach(e -> keys.add(key(e.get("name").asText(), e.get("type").asText())));
                gold.put(entry.get("id").asText(), keys);
            }
        }
        return gold;
    }

    private static String key(String name, String type) {
        return type.toUpperCase(Locale.ROOT) + "\t"
                + name.replaceAll("[\\s\\u00a0\\u2060\\u200a]+", " ").trim().toLowerCase(Locale.ROOT);
    }

    private static void score(RedisCommands<String, String> redis, String journal, Map<String, String> ids,
            Map<String, Set<String>> gold) {
        String prefix = "skein:graph:{" + journal + "}:";
        String[] types = {"PERSON", "PLACE", "ORGANIZATION", "ACTIVITY"};
        Map<String, int[]> counts = new HashMap<>();
        for (String type : types) {
            counts.put(type, new int[3]);
        }
        for (Map.Entry<String, String> entry : ids.entrySet()) {
            Set<String> got = new HashSet<>();
            for (String entityId : redis.smembers(prefix + "entry:" + entry.getKey())) {
                Map<String, String> entity = redis.hgetall(prefix + "entity:" + entityId);
                // the entity's name as the graph holds it (the first name it was seen under)
                got.add(key(entity.get("name"), entity.get("type")));
            }
            Set<String> want = gold.getOrDefault(entry.getValue(), Set.of());
            for (String type : types) {
                int[] c = counts.get(type);
                got.stream().filter(k -> k.startsWith(type + "\t")).forEach(k -> c[want.contains(k) ? 0 : 1]++);
                want.stream().filter(k -> k.startsWith(type + "\t") && !got.contains(k)).forEach(k -> c[2]++);
            }
        }
        System.out.printf("%-13s %5s %5s %5s %9s %7s %7s%n", "type", "tp", "fp", "fn", "precision", "recall", "F1");
        int[] all = new int[3];
        for (String type : types) {
            int[] c = counts.get(type);
            line(type.charAt(0) + type.substring(1).toLowerCase(Locale.ROOT), c);
            for (int i = 0; i < 3; i++) {
                all[i] += c[i];
            }
        }
        System.out.printf(Locale.ROOT, "F1 overall: %.3f%n", line("overall", all));
    }

    private static double line(String label, int[] c) {
        double p = c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
        double r = c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
        double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
        System.out.printf(Locale.ROOT, "%-13s %5d %5d %5d %9.3f %7.3f %7.3f%n", label, c[0], c[1], c[2], p, r, f1);
        return f1;
    }
}
