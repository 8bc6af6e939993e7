package io.skein.itest;

import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.function.BooleanSupplier;

import javax.inject.Inject;

import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/** What every Pax Exam test of Skein shares: the framework set-up, services, configuration, waiting. */
abstract class ExamSupport {

    static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    protected BundleContext context;

    @Inject
    protected ConfigurationAdmin configurationAdmin;

    @Configuration
    public Option[] config() throws IOException {
        return ExamOptions.skein();
    }

    /** Sets a configuration, unless it already holds these values (a change restarts its component). */
    protected void update(String pid, Map<String, String> values) throws IOException {
        org.osgi.service.cm.Configuration configuration = configurationAdmin.getConfiguration(pid, "?");
        Dictionary<String, Object> current = configuration.getProperties();
        if (current == null || !values.entrySet().stream()
                .allMatch(e -> e.getValue().equals(String.valueOf(current.get(e.getKey()))))) {
            configuration.update(new Hashtable<>(values));
        }
    }

    /** Waits for a service of {@code type} and returns it. */
    protected <S> S service(Class<S> type) throws InterruptedException {
        ServiceTracker<S, S> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        try {
            S service = tracker.waitForService(WAIT.toMillis());
            assertTrue(type.getSimpleName() + " is there", service != null);
            return service;
        } finally {
            tracker.close();
        }
    }

    protected static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Skein.await(what, WAIT, condition);
    }
}
