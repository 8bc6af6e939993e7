package io.skein.inference.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skein.inference.Entity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * bench/inference: the embedded backend on a corpus laid out like shared/corpus/dev (jrnl export
 * and manifest), scored against a gold file. Names are compared after whitespace and case
 * normalisation; every entity found for an entry counts against that entry's gold.
 */
public final class InferenceBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        Path gold = Path.of(args[1]);
        Map<String, String> texts = texts(corpus);
        Map<String, Set<String>> expected = gold(gold);

        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long heapBefore = runtime.totalMemory() - runtime.freeMemory();
        EmbeddedBackend backend = new EmbeddedBackend();
        long start = System.nanoTime();
        backend.load();
        double loadMillis = (System.nanoTime() - start) / 1e6;
        System.gc();
        long heldBytes = runtime.totalMemory() - runtime.freeMemory() - heapBefore;

        Map<String, Set<String>> predicted = new HashMap<>();
        for (Map.Entry<String, String> entry : texts.entrySet()) {
            predicted.put(entry.getKey(), keys(backend.extract(entry.getValue())));
        }
        int rounds = 5;
        start = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            for (String text : texts.values()) {
                backend.extract(text);
            }
        }
        double perSecond = rounds * texts.size() / ((System.nanoTime() - start) / 1e9);

        System.out.printf(Locale.ROOT, "backend: %s%n", backend.describe());
        System.out.printf(Locale.ROOT, "entries: %d, gold entities: %d%n", texts.size(),
                expected.values().stream().mapToInt(Set::size).sum());
        System.out.printf(Locale.ROOT, "model load: %.0f ms; heap held after load: %.1f MB%n", loadMillis,
                heldBytes / 1048576.0);
        System.out.printf(Locale.ROOT, "entries per second once warm: %.0f%n", perSecond);
        score(expected, predicted);
    }

    private static Map<String, String> texts(Path corpus) throws Exception {
        Map<Integer, String> ids = new HashMap<>();
        for (String line : Files.readAllLines(corpus.resolve("manifest.jsonl"))) {
            if (!line.isBlank()) {
                JsonNode entry = JSON.readTree(line);
                ids.put(entry.get("jrnl_index").asInt(), entry.get("id").asText());
            }
        }
        Map<String, String> texts = new TreeMap<>();
        JsonNode entries = JSON.readTree(corpus.resolve("jrnl/journal.json").toFile()).get("entries");
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            texts.put(ids.get(i), entry.get("title").asText() + " " + entry.get("body").asText());
        }
        return texts;
    }

    private static Map<String, Set<String>> gold(Path file) throws Exception {
        Map<String, Set<String>> gold = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode entry = JSON.readTree(line);
            Set<String> keys = new HashSet<>();
            entry.get("entities").forEach(e -> keys.add(key(e.get("name").asText(), e.get("type").asText())));
            gold.put(entry.get("id").asText(), keys);
        }
        return gold;
    }

    private static Set<String> keys(List<Entity> entities) {
        Set<String> keys = new HashSet<>();
        entities.forEach(e -> keys.add(key(e.name(), e.type().name())));
        return keys;
    }

    private static String key(String name, String type) {
        String normal = name.replaceAll("[\\s\\u00a0\\u2060\\u200a]+", " ").trim().toLowerCase(Locale.ROOT);
        return type.toUpperCase(Locale.ROOT) + "\t" + normal;
    }

    private static void score(Map<String, Set<String>> gold, Map<String, Set<String>> predicted) {
        String[] types = {"PERSON", "PLACE", "ORGANIZATION", "ACTIVITY"};
        int[] all = new int[3];
        System.out.printf("%-13s %5s %5s %5s %9s %7s %7s%n", "type", "tp", "fp", "fn", "precision", "recall", "F1");
        for (String type : types) {
            int[] counts = new int[3];
            for (String id : gold.keySet()) {
                Set<String> want = filter(gold.get(id), type);
                Set<String> got = filter(predicted.getOrDefault(id, Set.of()), type);
                for (String key : got) {
                    counts[want.contains(key) ? 0 : 1]++;
                }
                for (String key : want) {
                    if (!got.contains(key)) {
                        counts[2]++;
                    }
                }
            }
            line(type.charAt(0) + type.substring(1).toLowerCase(Locale.ROOT), counts);
            for (int i = 0; i < 3; i++) {
                all[i] += counts[i];
            }
        }
        double f1 = line("overall", all);
        System.out.printf(Locale.ROOT, "F1 overall: %.3f%n", f1);
    }

    private static Set<String> filter(Set<String> keys, String type) {
        Set<String> kept = new HashSet<>();
        keys.stream().filter(k -> k.startsWith(type + "\t")).forEach(kept::add);
        return kept;
    }

    private static double line(String label, int[] c) {
        double precision = c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
        double recall = c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        System.out.printf(Locale.ROOT, "%-13s %5d %5d %5d %9.3f %7.3f %7.3f%n", label, c[0], c[1], c[2], precision,
                recall, f1);
        return f1;
    }
}
