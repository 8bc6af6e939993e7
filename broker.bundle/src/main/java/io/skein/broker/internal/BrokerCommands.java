package io.skein.broker.internal;

import io.lettuce.core.RedisException;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.NestedMultiOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.ProtocolKeyword;
import io.skein.broker.BrokerInfo;
import io.skein.broker.BrokerInfo.Health;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Gogo commands of scope {@code broker}: what the broker is, and a Redis prompt for operators. */
@Component(service = BrokerCommands.class, property = {
    "osgi.command.scope=broker",
    "osgi.command.function=info",
    "osgi.command.function=redis"
})
public final class BrokerCommands {

    private static final Duration INFO_TIMEOUT = Duration.ofSeconds(2);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    @Reference
    private BrokerStatus status;

    @Descriptor("Shows the broker: mode, owner or attached, server pid and version, endpoint, data directory, "
            + "persistence, memory and health")
    public String info() {
        StringBuilder out = new StringBuilder();
        Optional<BrokerInfo> info = status.info();
        if (info.isEmpty()) {
            line(out, "state", status.state().property());
            status.error().ifPresent(error -> line(out, "error", error));
            status.nextAttempt().ifPresent(at -> line(out, "next attempt", TIME.format(at)));
            status.settings().ifPresent(s -> {
                line(out, "mode", s.mode().name().toLowerCase(Locale.ROOT));
                line(out, "data", s.dataDirectory().toString());
            });
            return out.toString().stripTrailing();
        }
        BrokerInfo broker = info.get();
        line(out, "state", status.state().property());
        line(out, "mode", broker.mode().name().toLowerCase(Locale.ROOT));
        line(out, "role", broker.mode() == BrokerInfo.Mode.EXTERNAL ? "client (external server)"
                : broker.owner() ? "owner" : "attached");
        String pid = broker.serverPid() > 0 ? ", pid " + broker.serverPid() : "";
        line(out, "server", "redis " + broker.serverVersion() + pid);
        line(out, "endpoint", broker.endpoint());
        line(out, "data", broker.dataDirectory().toString());
        serverFacts(out);
        health(out, broker.health());
        return out.toString().stripTrailing();
    }

    private void serverFacts(StringBuilder out) {
        Optional<Connections> connections = status.connections();
        try {
            if (connections.isEmpty()) {
                throw new IllegalStateException("no connection");
            }
            Map<String, String> persistence = connections.get().info("persistence", INFO_TIMEOUT);
            Map<String, String> memory = connections.get().info("memory", INFO_TIMEOUT);
            boolean aof = "1".equals(persistence.get("aof_enabled"));
            line(out, "persistence", aof ? "append-only file on, last write " + persistence.get("aof_last_write_status")
                    : "append-only file off");
            line(out, "memory", memory.get("used_memory_human") + " used");
        } catch (Exception e) {
            line(out, "persistence", "unknown (" + Connections.rootMessage(e) + ")");
            line(out, "memory", "unknown");
        }
    }

    private static void health(StringBuilder out, Health health) {
        line(out, "health", (health.reachable() ? "reachable" : "unreachable") + " (checked "
                + TIME.format(health.checkedAt()) + ")");
        health.error().ifPresent(error -> line(out, "last error", error + " (" + TIME.format(health.lastErrorAt())
                + ")"));
    }

    @Descriptor("Runs one Redis command on the broker and returns its reply, e.g. broker:redis GET key "
            + "(a one-element array prints like a single value)")
    public Object redis(@Descriptor("the command and its arguments") String... words) {
        if (words.length == 0) {
            throw new IllegalArgumentException("broker:redis needs a command, e.g. broker:redis PING");
        }
        Connections connections = status.connections()
                .orElseThrow(() -> new IllegalStateException("The broker is not available: "
                        + status.error().orElse(status.state().property())));
        CommandArgs<String, String> args = new CommandArgs<>(StringCodec.UTF8);
        for (int i = 1; i < words.length; i++) {
            args.add(words[i]);
        }
        try {
            // Any reply fits a nested list; a scalar reply arrives as its only element.
            List<Object> reply = connections.shared().sync().dispatch(keyword(words[0]),
                    new NestedMultiOutput<>(StringCodec.UTF8), args);
            return reply.size() == 1 ? render(reply.get(0)) : render(reply);
        } catch (RedisException e) {
            throw new IllegalStateException("Redis answered " + words[0] + " with: " + Connections.rootMessage(e));
        }
    }

    private static ProtocolKeyword keyword(String name) {
        byte[] bytes = name.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return new ProtocolKeyword() {
            @Override
            public byte[] getBytes() {
                return bytes;
            }

            @Override
            public String toString() {
                return new String(bytes, StandardCharsets.US_ASCII);
            }
        };
    }

    private static String render(Object reply) {
        if (reply == null) {
            return "(nil)";
        }
        if (reply instanceof List<?> list) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < list.size(); i++) {
                out.append(i + 1).append(") ").append(render(list.get(i))).append('\n');
            }
            return out.length() == 0 ? "(empty)" : out.substring(0, out.length() - 1);
        }
        return String.valueOf(reply);
    }

    private static void line(StringBuilder out, String name, String value) {
        out.append(String.format("%-12s %s%n", name, value));
    }
}
