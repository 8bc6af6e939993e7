package io.skein.queue.internal;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.Map;

/**
 * The Lua scripts that move jobs between states atomically (see {@code src/main/resources/lua}).
 * They run by digest; when the server has lost them (it restarted) they are loaded again.
 */
final class Scripts {

    /** One script. */
    enum Script {
        ENQUEUE, COMPLETE, FAIL, PROMOTE, PARK, UNPARK, REQUEUE, MALFORMED, CANCEL, REPLAY;

        final String source = read("lua/" + name().toLowerCase(java.util.Locale.ROOT) + ".lua");
    }

    private final StatefulRedisConnection<String, String> connection;
    private final Map<Script, String> digests = new ConcurrentHashMap<>();

    Scripts(StatefulRedisConnection<String, String> connection) {
        this.connection = connection;
    }

    /** Runs a script; completes with its result, or with the server's error. */
    <T> CompletionStage<T> run(Script script, ScriptOutputType type, String[] keys, String... args) {
        RedisAsyncCommands<String, String> async = connection.async();
        String digest = digests.get(script);
        CompletionStage<T> first = digest == null
                ? load(script).thenCompose(sha -> async.<T>evalsha(sha, type, keys, args))
                : async.<T>evalsha(digest, type, keys, args);
        return first.handle((value, error) -> {
            if (error == null) {
                return CompletableFuture.completedFuture(value);
            }
            if (unwrap(error) instanceof RedisNoScriptException) {
                digests.remove(script);
                return load(script).thenCompose(sha -> async.<T>evalsha(sha, type, keys, args));
            }
            return CompletableFuture.<T>failedFuture(unwrap(error));
        }).thenCompose(stage -> stage);
    }

    /** Runs a script and waits for it. */
    <T> T call(Script script, ScriptOutputType type, String[] keys, String... args) {
        try {
            return this.<T>run(script, type, keys, args).toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new io.skein.queue.QueueException("Interrupted while talking to the broker", e);
        } catch (ExecutionException e) {
            throw Failures.queueException(e.getCause());
        }
    }

    private CompletionStage<String> load(Script script) {
        return connection.async().scriptLoad(script.source).thenApply(sha -> {
            digests.put(script, sha);
            return sha;
        });
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String read(String resource) {
        try (InputStream in = Scripts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
