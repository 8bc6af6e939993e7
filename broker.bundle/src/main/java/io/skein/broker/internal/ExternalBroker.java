package io.skein.broker.internal;

import io.skein.broker.BrokerInfo;
import io.skein.broker.BrokerInfo.Mode;

import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A Redis that someone else runs, reached by URI (plain, TLS or Sentinel). Skein never stops it. */
final class ExternalBroker implements Backend {

    private static final Logger LOG = LoggerFactory.getLogger(ExternalBroker.class);
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(2);

    private final BrokerSettings settings;
    private final HealthMonitor health = new HealthMonitor();
    private final String endpoint;
    private Connections connections;
    private String version = "";

    ExternalBroker(BrokerSettings settings) {
        this.settings = settings;
        this.endpoint = Endpoints.describe(settings.uri());
    }

    @Override
    public void start() throws BrokerException {
        DataDirectory.prepare(settings.dataDirectory());
        connections = new Connections(settings.commandTimeout(), settings.connectTimeout());
        Optional<String> problem = connections.problem(settings.uri());
        if (problem.isPresent()) {
            health.record(problem);
            throw BrokerException.failure("Cannot reach external Redis " + endpoint + ": " + problem.get(),
                    null);
        }
        connections.use(settings.uri());
        try {
            version = connections.info("server", settings.commandTimeout()).getOrDefault("redis_version", "");
        } catch (Exception e) {
            throw BrokerException.failure("External Redis " + endpoint + " does not answer INFO: "
                    + Connections.rootMessage(e), e);
        }
        health.record(Optional.empty());
        LOG.info("Broker connected to external Redis {} ({})", endpoint, version);
    }

    @Override
    public void check() {
        Optional<String> problem = connections.ping(CHECK_TIMEOUT);
        if (health.record(problem)) {
            if (problem.isPresent()) {
                LOG.warn("Broker lost external Redis {}: {}", endpoint, problem.get());
            } else {
                LOG.info("Broker reaches external Redis {} again", endpoint);
            }
        }
    }

    @Override
    public void cancel() {
        // start() makes a single attempt; nothing to interrupt
    }

    @Override
    public BrokerInfo info() {
        return new BrokerInfo(Mode.EXTERNAL, false, endpoint, -1, version, settings.dataDirectory(),
                health.snapshot());
    }

    @Override
    public Connections connections() {
        return connections;
    }

    @Override
    public void close() {
        if (connections != null) {
            connections.close();
        }
    }
}
