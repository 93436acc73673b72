package org.strowger.channel.core;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.osgi.service.component.ComponentServiceObjects;

/**
 * Whiteboard services bound by reference and fetched on first use: each binding gets a stand-in
 * that fetches the real service when first called (see {@link CoreChannelService} on why).
 */
final class LazyBindings<T> {

    private final Map<ComponentServiceObjects<T>, T> bound = new ConcurrentHashMap<>();

    /** The stand-in for a newly bound service, made by {@code adapter} from its lazy supplier. */
    T bind(ComponentServiceObjects<T> objects, Function<Lazy<T>, T> adapter) {
        T standIn = adapter.apply(new Lazy<>(objects::getService));
        bound.put(objects, standIn);
        return standIn;
    }

    /** The stand-in of an unbound service, or null when it was never bound. */
    T unbind(ComponentServiceObjects<T> objects) {
        return bound.remove(objects);
    }
}
