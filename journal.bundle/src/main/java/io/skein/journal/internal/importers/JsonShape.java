package io.skein.journal.internal.importers;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The outline of a JSON export, enough to tell the formats apart: the top-level field names and
 * the field names of the first item of {@code "entries"}. A damaged file is outlined up to the damage.
 *
 * @param fields the top-level field names
 * @param firstEntry the first entry's field names, or {@code null} when there is no entry
 */
record JsonShape(Set<String> fields, Set<String> firstEntry) {

    static JsonShape of(Path path) throws IOException {
        Set<String> fields = new HashSet<>();
        Set<String> firstEntry = null;
        try (JsonParser parser = JsonEntries.parser(Utf8Text.decode(Files.readAllBytes(path)).text())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return new JsonShape(fields, null);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                fields.add(name);
                if (parser.nextToken() == JsonToken.START_ARRAY && "entries".equals(name)) {
                    firstEntry = new HashSet<>();
                    outlineEntries(parser, firstEntry);
                } else {
                    parser.skipChildren();
                }
            }
        } catch (JsonProcessingException damaged) {
            // What was read before the damage decides.
        }
        return new JsonShape(fields, firstEntry == null || firstEntry.isEmpty() ? null : firstEntry);
    }

    /** Collects the first entry's field names, then skips the rest of the array. */
    private static void outlineEntries(JsonParser parser, Set<String> firstEntry) throws IOException {
        if (parser.nextToken() == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                firstEntry.add(parser.currentName());
                parser.nextToken();
                parser.skipChildren();
            }
        }
        for (JsonToken token = parser.currentToken(); token != null && token != JsonToken.END_ARRAY;
                token = parser.nextToken()) {
            parser.skipChildren();
        }
    }

    boolean has(String... names) {
        return fields.containsAll(Set.of(names));
    }

    boolean firstEntryHas(String... names) {
        return firstEntry != null && firstEntry.containsAll(Set.of(names));
    }
}
