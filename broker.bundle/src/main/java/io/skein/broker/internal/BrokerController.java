package io.skein.broker.internal;

import io.skein.broker.BrokerInfo.Mode;
import io.skein.broker.BrokerService;

import java.time.Duration;
import java.time.Instant;
import java.util.Hashtable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the broker up from configuration {@code skein.broker}, and registers the
 * {@link BrokerService} once its server answers. Until then (bad configuration, an unreachable
 * server) nothing is registered, so dependents stay unsatisfied, and the reason is kept for
 * {@code broker:info}; failures other than bad configuration are retried with growing pauses.
 *
 * <p>The component waits for its configuration (the launcher seeds {@code etc/skein.broker.cfg}), so
 * that a host never starts an embedded server only to replace it when the configuration arrives.
 * A configuration change deactivates this component and activates a new one. Deactivation
 * unregisters the service first, so that dependents let go, then closes what this host owns.
 */
@Component(immediate = true, configurationPid = BrokerConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {})
@Designate(ocd = BrokerConfig.class)
public final class BrokerController {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerController.class);
    private static final Duration CHECK_EVERY = Duration.ofSeconds(2);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(2);
    private static final Duration LAST_RETRY = Duration.ofSeconds(60);

    private final BundleContext context;
    private final BrokerConfig config;
    private final BrokerStatus status = new BrokerStatus();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
            BrokerController::brokerThread);
    private final ServiceRegistration<BrokerStatus> statusRegistration;
    private final Function<String, String> environment;

    private volatile Backend backend;
    private ServiceRegistration<BrokerService> registration;
    private Duration retry = FIRST_RETRY;
    private String lastFailure;

    @Activate
    public BrokerController(BundleContext context, BrokerConfig config) {
        this.context = context;
        this.config = config;
        this.environment = BrokerSettings.environment(System.getenv(), context::getProperty);
        this.statusRegistration = context.registerService(BrokerStatus.class, status, stateProperties());
        executor.execute(this::establish);
    }

    /**
     * The broker's one thread. Its context class loader is this bundle's: Lettuce probes optional
     * features (JFR events) through it, and must see what the bundle sees, not the launcher's class
     * path, or it picks features it cannot load.
     */
    private static Thread brokerThread(Runnable runnable) {
        Thread thread = new Thread(runnable, "skein-broker");
        thread.setContextClassLoader(BrokerController.class.getClassLoader());
        return thread;
    }

    private void establish() {
        BrokerSettings settings;
        try {
            settings = BrokerSettings.from(config, environment);
        } catch (BrokerException e) {
            fail(e);
            return;
        }
        status.settings(settings);
        Backend candidate = settings.mode() == Mode.EMBEDDED
                ? new EmbeddedBroker(settings, context.getBundle()::getEntry, environment, executor)
                : new ExternalBroker(settings);
        backend = candidate;
        try {
            candidate.start();
        } catch (BrokerException | RuntimeException e) {
            candidate.close();
            backend = null;
            fail(e);
            return;
        }
        status.ready(candidate);
        registration = context.registerService(BrokerService.class, new BrokerServiceImpl(candidate), null);
        statusRegistration.setProperties(stateProperties());
        if (lastFailure != null) {
            LOG.info("Broker is available again after: {}", lastFailure);
        }
        executor.scheduleWithFixedDelay(this::check, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void fail(Exception e) {
        String message = e instanceof BrokerException ? e.getMessage()
                : "Unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage();
        boolean retryable = !(e instanceof BrokerException be && be.isConfiguration());
        Instant retryAt = retryable && !executor.isShutdown() ? Instant.now().plus(retry) : null;
        status.failed(message, retryAt);
        statusRegistration.setProperties(stateProperties());
        if (!message.equals(lastFailure)) {
            if (e instanceof BrokerException) {
                LOG.error("Broker unavailable: {}{}", message, retryAt == null ? "" : "; trying again in "
                        + retry.toSeconds() + " s");
            } else {
                LOG.error("Broker unavailable", e);
            }
        }
        lastFailure = message;
        if (retryAt != null) {
            executor.schedule(this::establish, retry.toMillis(), TimeUnit.MILLISECONDS);
            retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
        }
    }

    private void check() {
        Backend current = backend;
        if (current != null) {
            current.check();
        }
    }

    private Hashtable<String, Object> stateProperties() {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(BrokerStatus.STATE, status.state().property());
        return properties;
    }

    @Deactivate
    void deactivate() {
        Backend current = backend;
        if (current != null) {
            current.cancel();
        }
        try {
            executor.submit(this::shutDown).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.error("Broker did not shut down cleanly", e);
        }
        executor.shutdownNow();
        statusRegistration.unregister();
    }

    private void shutDown() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
        Backend current = backend;
        backend = null;
        status.stopped();
        if (current != null) {
            current.close();
        }
    }
}
