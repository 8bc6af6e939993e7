package io.skein.host;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Collection;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Asks Declarative Services whether every component is settled: active, or satisfied and waiting
 * for its first use. Driven by reflection because the launcher sits outside the framework and
 * does not see the {@code ServiceComponentRuntime} API.
 */
final class Components implements AutoCloseable {

    private static final String RUNTIME = "org.osgi.service.component.runtime.ServiceComponentRuntime";
    /** {@code ComponentConfigurationDTO.SATISFIED} and {@code .ACTIVE}. */
    private static final int SATISFIED = 4;
    private static final int ACTIVE = 8;

    private final ServiceTracker<Object, Object> tracker;

    Components(BundleContext context) {
        tracker = new ServiceTracker<>(context, RUNTIME, null);
        tracker.open(true);
    }

    boolean allSettled() {
        Object runtime = tracker.getService();
        if (runtime == null) {
            return false;
        }
        try {
            Class<?> type = Class.forName(RUNTIME, false, runtime.getClass().getClassLoader());
            Method descriptions = type.getMethod("getComponentDescriptionDTOs", Bundle[].class);
            Class<?> descriptionType = Class.forName(
                    "org.osgi.service.component.runtime.dto.ComponentDescriptionDTO", false, type.getClassLoader());
            Method configurations = type.getMethod("getComponentConfigurationDTOs", descriptionType);
            for (Object description : (Collection<?>) descriptions.invoke(runtime, (Object) new Bundle[0])) {
                for (Object configuration : (Collection<?>) configurations.invoke(runtime, description)) {
                    Field state = configuration.getClass().getField("state");
                    int value = state.getInt(configuration);
                    if (value != SATISFIED && value != ACTIVE) {
                        return false;
                    }
                }
            }
            return true;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the component runtime: " + e, e);
        }
    }

    @Override
    public void close() {
        tracker.close();
    }
}
