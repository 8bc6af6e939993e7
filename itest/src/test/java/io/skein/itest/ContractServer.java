package io.skein.itest;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A contract-test stand-in for an OpenAI-compatible chat-completions server on loopback: it
 * answers {@code POST /v1/chat/completions} with whatever the test's function returns for the
 * request body, and can be stopped and started again on the same port to act out an outage.
 */
final class ContractServer implements AutoCloseable {

    /** An HTTP answer. */
    record Answer(int status, String body) {

        /** A 200 answer whose message content is {@code content}. */
        static Answer content(String content) {
            String escaped = content.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
            return new Answer(200, "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"" + escaped
                    + "\"}}]}");
        }
    }

    private final int port;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile String authorization;
    private volatile Function<String, Answer> behaviour;
    private HttpServer server;

    ContractServer(Function<String, Answer> behaviour) throws IOException {
        this.behaviour = behaviour;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            this.port = probe.getLocalPort();
        }
        start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port + "/v1";
    }

    int requests() {
        return requests.get();
    }

    /** The Authorization header of the last request, or {@code null}. */
    String authorization() {
        return authorization;
    }

    void behave(Function<String, Answer> next) {
        behaviour = next;
    }

    synchronized void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        server.createContext("/v1/chat/completions", exchange -> {
            requests.incrementAndGet();
            authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Answer answer = behaviour.apply(body);
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    /** Stops listening: connections are refused until {@link #start()}. */
    synchronized void stop() {
        server.stop(0);
    }

    @Override
    public void close() {
        stop();
    }
}
