package io.skein.itest.tasks;

import io.skein.queue.RetryPolicy;

import java.util.Hashtable;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/** A bundle whose only content is a retry policy that dead-letters at once, ranked 50. */
public final class PolicyActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Constants.SERVICE_RANKING, 50);
        context.registerService(RetryPolicy.class, new RetryPolicy() {
            @Override
            public String name() {
                return "bundle-policy";
            }

            @Override
            public Decision decide(Failure failure) {
                return Decision.deadLetter("bundle-policy gives up at once");
            }
        }, properties);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the service
    }
}
