package io.skein.inference.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skein.inference.Entity;
import io.skein.inference.EntityType;
import io.skein.inference.InferenceException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An OpenAI-compatible chat-completions server (llama.cpp server, Ollama, vLLM, ...). The answer is
 * asked for as JSON following a schema; an answer that breaks it gets one repair request, then the
 * job fails for good with the answer attached. Refused connections, timeouts, 429 and 5xx are
 * transient; other 4xx are permanent. The API key goes into the request header only.
 */
final class OpenAiBackend implements Backend {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INSTRUCTIONS = """
            You extract named entities from a diary entry. Return JSON only, as {"entities": [...]}, each item \
            {"name", "type", "sentence"}: name exactly as written in the text; type one of Person, Place, \
            Organization, Activity; sentence the sentence of the text that mentions it. Person: people named in \
            the text with their titles (not the author, not unnamed relatives or roles). Place: named places, \
            buildings, inns and landmarks, without a leading "the". Organization: named bodies. Activity: meals, \
            worship, pastimes, lessons and outings named by a noun, lower-case (dinner, church, sermon, walk). \
            List each entity once.""";

    private final URI endpoint;
    private final String base;
    private final String model;
    private final String apiKey;
    private final Duration timeout;
    private final HttpClient client;

    OpenAiBackend(URI baseUrl, String model, String apiKey, Duration connectTimeout, Duration timeout) {
        String base = baseUrl.toString().endsWith("/") ? baseUrl.toString() : baseUrl + "/";
        this.base = base;
        this.endpoint = URI.create(base).resolve("chat/completions");
        this.model = model;
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    }

    @Override
    public String describe() {
        return "openai(" + model + " at " + base + ")";
    }

    @Override
    public void load() {
        // the model lives in the server; nothing to hold here
    }

    @Override
    public void unload() {
        // nothing held
    }

    @Override
    public long memoryBytes() {
        return 0;
    }

    @Override
    public List<Entity> extract(String text) throws InferenceException {
        ArrayNode messages = JSON.createArrayNode();
        messages.addObject().put("role", "system").put("content", INSTRUCTIONS);
        messages.addObject().put("role", "user").put("content", text);
        String answer = ask(messages);
        try {
            return parse(answer, text);
        } catch (IllegalArgumentException first) {
            messages.addObject().put("role", "assistant").put("content", answer);
            messages.addObject().put("role", "user").put("content", "That answer does not follow the schema ("
                    + first.getMessage() + "). Answer again with the JSON object only.");
            String repaired = ask(messages);
            try {
                return parse(repaired, text);
            } catch (IllegalArgumentException second) {
                throw new InferenceException("The model's answer breaks the schema after a repair attempt: "
                        + second.getMessage(), false, repaired, second);
            }
        }
    }

    private String ask(ArrayNode messages) throws InferenceException {
        ObjectNode body = JSON.createObjectNode().put("model", model).put("temperature", 0);
        body.set("messages", messages);
        ObjectNode format = body.putObject("response_format").put("type", "json_schema");
        format.putObject("json_schema").put("name", "entities").put("strict", true).set("schema", schema());
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (apiKey != null && !apiKey.isBlank()) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new InferenceException(describe() + " did not answer within " + timeout.toSeconds() + " s", true,
                    null, e);
        } catch (IOException e) {
            throw new InferenceException(describe() + " cannot be reached: " + reason(e), true, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InferenceException("Interrupted while waiting for " + describe(), true, null, e);
        }
        int status = response.statusCode();
        if (status == 429 || status >= 500) {
            throw new InferenceException(describe() + " answered HTTP " + status, true, response.body(), null);
        }
        if (status >= 400) {
            throw new InferenceException(describe() + " rejected the request with HTTP " + status, false,
                    response.body(), null);
        }
        try {
            JsonNode content = JSON.readTree(response.body()).path("choices").path(0).path("message").path("content");
            if (!content.isTextual()) {
                throw new InferenceException(describe() + " answered without choices[0].message.content", false,
                        response.body(), null);
            }
            return content.asText();
        } catch (IOException e) {
            throw new InferenceException(describe() + " answered with a body that is not JSON", false,
                    response.body(), e);
        }
    }

    private static String reason(IOException e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static ObjectNode schema() {
        ObjectNode item = JSON.createObjectNode().put("type", "object").put("additionalProperties", false);
        ObjectNode properties = item.putObject("properties");
        properties.putObject("name").put("type", "string");
        ArrayNode types = properties.putObject("type").put("type", "string").putArray("enum");
        types.add("Person").add("Place").add("Organization").add("Activity");
        properties.putObject("sentence").put("type", "string");
        item.putArray("required").add("name").add("type").add("sentence");
        ObjectNode schema = JSON.createObjectNode().put("type", "object").put("additionalProperties", false);
        schema.putObject("properties").putObject("entities").put("type", "array").set("items", item);
        schema.putArray("required").add("entities");
        return schema;
    }

    /** Reads an answer; throws IllegalArgumentException saying what breaks the schema. */
    static List<Entity> parse(String answer, String text) {
        JsonNode root;
        try {
            root = JSON.readTree(answer);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON");
        }
        JsonNode entities = root == null ? null : root.get("entities");
        if (entities == null || !entities.isArray()) {
            throw new IllegalArgumentException("no \"entities\" array");
        }
        List<Entity> found = new ArrayList<>();
        for (JsonNode item : entities) {
            String name = item.path("name").asText("").replaceAll("[\\s\\u00a0\\u2060\\u200a]+", " ").trim();
            String type = item.path("type").asText("");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("an entity without a name");
            }
            EntityType kind;
            try {
                kind = EntityType.valueOf(type.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown type \"" + type + "\" for \"" + name + "\"");
            }
            found.add(new Entity(name, kind, item.path("sentence").asText(""), Double.NaN));
        }
        return found;
    }
}
