package io.skein.journal.internal.importers;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.skein.journal.EntryDraft;
import io.skein.journal.internal.DraftRules;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the items of a JSON export's top-level {@code "entries"} array one at a time with Jackson's
 * streaming parser, so that a file cut short, or broken part-way, still yields every entry before
 * the damage. Each item is positioned as {@code entry N, line L} (both from 1). The file is decoded
 * leniently ({@link Utf8Text}): an item that holds a malformed UTF-8 sequence is refused with the
 * sequence's byte offset, and the items around it are read on.
 */
final class JsonEntries {

    /** Turns one item of the array into a draft, or says why it cannot. */
    @FunctionalInterface
    interface Mapper {
        EntryDraft draft(JsonNode item) throws Unreadable;
    }

    // Sync damage can leave raw control characters (NUL above all) inside strings: read them so the
    // journal's own rules refuse that one entry, instead of a parse error ending the file there.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .build();

    private final String file;
    private final Utf8Text utf8;
    private final Mapper mapper;
    private final List<ImportRecord> records = new ArrayList<>();
    private String current = "";

    private JsonEntries(String file, byte[] bytes, Mapper mapper) {
        this.file = file;
        this.utf8 = Utf8Text.decode(bytes);
        this.mapper = mapper;
    }

    /** Reads every item of {@code bytes}, the content of {@code file}, in file order. */
    static List<ImportRecord> read(String file, byte[] bytes, Mapper mapper) throws IOException {
        return new JsonEntries(file, bytes, mapper).read();
    }

    /** A parser over decoded text; a leading byte-order mark is read as a space, keeping offsets. */
    static JsonParser parser(String text) throws IOException {
        return JSON.createParser(text.startsWith("\uFEFF") ? " " + text.substring(1) : text);
    }

    private List<ImportRecord> read() throws IOException {
        try (JsonParser parser = parser(utf8.text())) {
            if (!seekEntries(parser)) {
                records.add(ImportRecord.refused(file, "", "no \"entries\" array at the top level"));
                return records;
            }
            readItems(parser);
            while (parser.nextToken() != null) {
                parser.skipChildren();
            }
        } catch (JsonEOFException e) {
            records.add(ImportRecord.refused(file, current, "truncated at " + where(e.getLocation())));
        } catch (JsonProcessingException e) {
            records.add(ImportRecord.refused(file, current, "not valid JSON at " + where(e.getLocation()) + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse("")));
        }
        return records;
    }

    /** Moves to the start of the top-level "entries" array; false when there is none. */
    private static boolean seekEntries(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return false;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            if (parser.nextToken() == JsonToken.START_ARRAY && "entries".equals(name)) {
                return true;
            }
            parser.skipChildren();
        }
        return false;
    }

    private void readItems(JsonParser parser) throws IOException {
        int number = 0;
        for (JsonToken token = parser.nextToken(); token != null && token != JsonToken.END_ARRAY;
                token = parser.nextToken()) {
            number++;
            JsonLocation start = parser.currentTokenLocation();
            current = "entry " + number + ", line " + start.getLineNr();
            if (token == JsonToken.START_OBJECT) {
                JsonNode item = parser.readValueAsTree();
                long end = parser.currentLocation().getCharOffset();
                records.add(record(item, utf8.firstBadByte(start.getCharOffset(), end)));
            } else {
                parser.skipChildren();
                records.add(ImportRecord.refused(file, current, "not a JSON object"));
            }
            current = "";
        }
    }

    private ImportRecord record(JsonNode item, int badByte) {
        EntryDraft draft = null;
        String problem;
        try {
            // Mapped even when refused below, so that mappers counting items (jrnl ids) count this one too.
            draft = mapper.draft(item);
            problem = DraftRules.problem(draft);
        } catch (Unreadable e) {
            problem = e.getMessage();
        }
        if (badByte >= 0) {
            problem = "invalid UTF-8 at byte " + badByte;
        }
        return problem == null ? ImportRecord.importable(file, current, draft)
                : ImportRecord.refused(file, current, problem);
    }

    private static String where(JsonLocation location) {
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** The string value of a field, or {@code null} when it is missing, null or not a string. */
    static String text(JsonNode item, String field) {
        JsonNode value = item.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    /** The strings of an array field; empty when the field is missing or not an array. */
    static List<String> strings(JsonNode item, String field) {
        List<String> values = new ArrayList<>();
        JsonNode array = item.get(field);
        if (array != null && array.isArray()) {
            array.forEach(value -> values.add(value.asText()));
        }
        return values;
    }
}
