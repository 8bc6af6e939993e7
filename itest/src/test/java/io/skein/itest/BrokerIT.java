package io.skein.itest;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.skein.broker.BrokerService;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;

import javax.inject.Inject;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The real bundles of the assembly in a real Felix (Pax Exam, native container), with a real
 * embedded redis-server on a temporary data directory.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BrokerIT extends ExamSupport {

    private static final long WAIT_MILLIS = WAIT.toMillis();

    @Inject
    private ServiceComponentRuntime scr;

    @Inject
    private CommandProcessor commands;

    @Before
    public void configureEmbeddedBroker() throws Exception {
        configure(new Hashtable<>());
        assertNotNull("the broker comes up", awaitBroker(true));
    }

    @Test
    public void everyBundleIsActiveAndEveryComponentInThemToo() throws Exception {
        // after another test restored the broker, its dependents come back within moments
        Skein.await("every component settled", java.time.Duration.ofSeconds(30), this::everyComponentSettled);
        for (Bundle bundle : context.getBundles()) {
            boolean fragment = bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            int expected = fragment ? Bundle.RESOLVED : Bundle.ACTIVE;
            assertEquals(bundle.getSymbolicName() + " state", expected, bundle.getState());
        }
        List<Runnable> release = activateDelayedComponents();
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            List<ComponentConfigurationDTO> configurations = new ArrayList<>(
                    scr.getComponentConfigurationDTOs(description));
            assertTrue(description.name + " has a configuration", !configurations.isEmpty());
            for (ComponentConfigurationDTO configuration : configurations) {
                assertEquals(description.name + " is active", ComponentConfigurationDTO.ACTIVE, configuration.state);
            }
        }
        release.forEach(Runnable::run);
    }

    private boolean everyComponentSettled() {
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                if (configuration.state != ComponentConfigurationDTO.ACTIVE
                        && configuration.state != ComponentConfigurationDTO.SATISFIED) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Delayed components activate on first use and deactivate when released: hold each once. */
    private List<Runnable> activateDelayedComponents() throws Exception {
        List<Runnable> release = new ArrayList<>();
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            for (String type : description.serviceInterfaces) {
                BundleContext owner = context.getBundle(description.bundle.id).getBundleContext();
                ServiceReference<?>[] references = owner.getServiceReferences(type,
                        "(component.name=" + description.name + ")");
                for (ServiceReference<?> reference : references == null ? new ServiceReference<?>[0] : references) {
                    owner.getService(reference);
                    release.add(() -> owner.ungetService(reference));
                }
            }
        }
        return release;
    }

    @Test
    public void exactlyOneBrokerServiceAndEveryConsumerSeesTheSameOne() throws Exception {
        Set<Object> seen = new HashSet<>();
        for (Bundle bundle : context.getBundles()) {
            BundleContext consumer = bundle.getBundleContext();
            if (consumer == null) {
                continue;
            }
            ServiceReference<?>[] references = consumer.getAllServiceReferences(BrokerService.class.getName(), null);
            assertNotNull(bundle.getSymbolicName() + " sees a broker", references);
            assertEquals(bundle.getSymbolicName() + " sees one broker", 1, references.length);
            seen.add(references[0].getProperty(Constants.SERVICE_ID));
        }
        assertEquals("one service id for everyone", 1, seen.size());

        BrokerService broker = awaitBroker(true);
        assertTrue("this host owns the embedded server", broker.info().owner());
        assertEquals("PONG", broker.commands().sync().ping());
    }

    @Test
    public void badConfigurationLeavesDependentsWithoutABrokerAndSaysWhy() throws Exception {
        Hashtable<String, Object> bad = new Hashtable<>();
        bad.put("command.timeout", "abc");
        configure(bad);

        assertNull("no broker is registered", awaitBroker(false));
        String info = awaitInfo("state        failed");
        assertThat(info, containsString("command.timeout \"abc\" is not a number of seconds"));
        assertEquals("the framework keeps running", Bundle.ACTIVE, context.getBundle(0).getState());

        configure(new Hashtable<>());
        assertNotNull("a good configuration brings the broker back", awaitBroker(true));
        awaitInfo("state        ready");
    }

    private String awaitInfo(String expected) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        String info = infoOrWhyNot();
        while (!info.contains(expected) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            info = infoOrWhyNot();
        }
        assertThat(info, containsString(expected));
        return info;
    }

    private void configure(Hashtable<String, Object> properties) throws IOException {
        properties.put("data.dir", System.getProperty("skein.home"));
        org.osgi.service.cm.Configuration configuration = configurationAdmin.getConfiguration("skein.broker", "?");
        Dictionary<String, Object> current = configuration.getProperties();
        if (current == null || !properties.equals(withoutServiceProperties(current))) {
            configuration.update(properties);
        }
    }

    private static Hashtable<String, Object> withoutServiceProperties(Dictionary<String, Object> properties) {
        Hashtable<String, Object> copy = new Hashtable<>();
        for (String key : java.util.Collections.list(properties.keys())) {
            if (!key.startsWith("service.") && !key.startsWith("felix.")) {
                copy.put(key, properties.get(key));
            }
        }
        return copy;
    }

    /** Waits for the broker to be registered ({@code present}) or gone; returns it or null. */
    private BrokerService awaitBroker(boolean present) throws InterruptedException {
        ServiceTracker<BrokerService, BrokerService> tracker = new ServiceTracker<>(context, BrokerService.class, null);
        tracker.open();
        try {
            long deadline = System.currentTimeMillis() + WAIT_MILLIS;
            while (System.currentTimeMillis() < deadline) {
                BrokerService broker = tracker.getService();
                if (present == (broker != null)) {
                    return broker;
                }
                Thread.sleep(50);
            }
            throw new AssertionError("the broker was still " + (present ? "absent" : "present") + " after "
                    + WAIT_MILLIS + " ms");
        } finally {
            tracker.close();
        }
    }

    /** broker:info, or why it could not run (the command goes and comes back with the broker's configuration). */
    private String infoOrWhyNot() {
        try {
            return run("broker:info");
        } catch (Exception e) {
            return String.valueOf(e.getMessage());
        }
    }

    private String run(String command) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = new java.io.ByteArrayInputStream(new byte[0]);
        try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            CommandSession session = commands.createSession(in, print, print);
            Object result = session.execute(command);
            session.close();
            return String.valueOf(result);
        }
    }
}
