package io.skein.queue.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.ServiceReference;

/**
 * Services of one kind, of which the highest-ranked wins. Ranking is read from the service
 * reference at each call, so a re-ranked service takes effect at once.
 */
final class Ranked<S> {

    private final Map<ServiceReference<S>, S> services = new ConcurrentHashMap<>();

    void add(ServiceReference<S> reference, S service) {
        services.put(reference, service);
    }

    void remove(ServiceReference<S> reference) {
        services.remove(reference);
    }

    /** The highest-ranked service (ties: the lowest service id), if any. */
    Optional<S> best() {
        return services.entrySet().stream().max(Map.Entry.comparingByKey()).map(Map.Entry::getValue);
    }

    /** The highest-ranked service whose property {@code key} equals {@code value}. */
    Optional<S> best(String key, String value) {
        return services.entrySet().stream()
                .filter(entry -> value.equals(String.valueOf(entry.getKey().getProperty(key))))
                .max(Map.Entry.comparingByKey()).map(Map.Entry::getValue);
    }

    Map<ServiceReference<S>, S> all() {
        return Map.copyOf(services);
    }
}
