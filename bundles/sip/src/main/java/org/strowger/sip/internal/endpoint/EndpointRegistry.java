package org.strowger.sip.internal.endpoint;

import java.net.InetSocketAddress;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.strowger.sip.EndpointStatus;

/**
 * The configured endpoints, found by name, by the exact source of a trunk without a secret, or
 * as the one anonymous endpoint. Lookups are lock-free; changes come from configuration.
 */
public final class EndpointRegistry {

    private final Map<String, Endpoint> byName = new ConcurrentHashMap<>();
    private final Map<InetSocketAddress, Endpoint> bySource = new ConcurrentHashMap<>();

    /**
     * Adds or replaces an endpoint; returns the one it replaced, if any. A trunk without a secret
     * whose address another endpoint already has is refused before anything changes, so no lookup
     * ever sees the refused endpoint.
     */
    public synchronized Optional<Endpoint> put(Endpoint endpoint) {
        Optional<InetSocketAddress> source = sourceOf(endpoint);
        if (source.isPresent()) {
            Endpoint clash = bySource.get(source.get());
            if (clash != null && !clash.name().equals(endpoint.name())) {
                throw new IllegalArgumentException("endpoint '" + endpoint.name() + "' has the same address "
                        + source.get() + " as endpoint '" + clash.name()
                        + "': a trunk without a secret is recognised by its address, which must be unique");
            }
        }
        Optional<Endpoint> old = Optional.ofNullable(byName.put(endpoint.name(), endpoint));
        old.ifPresent(this::unindex);
        index(endpoint);
        return old;
    }

    public synchronized void remove(String name) {
        Endpoint old = byName.remove(name);
        if (old != null) {
            unindex(old);
        }
    }

    /** The address a trunk without a secret is recognised by; none for everything else. */
    private static Optional<InetSocketAddress> sourceOf(Endpoint endpoint) {
        return endpoint.requiresAuthentication() ? Optional.empty() : endpoint.staticAddress();
    }

    private void index(Endpoint endpoint) {
        sourceOf(endpoint).ifPresent(address -> bySource.put(address, endpoint));
    }

    private void unindex(Endpoint endpoint) {
        endpoint.staticAddress().ifPresent(address -> bySource.remove(address, endpoint));
    }

    public Optional<Endpoint> byName(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byName.get(name));
    }

    /** A trunk without a secret whose configured address and port are exactly this source. */
    public Optional<Endpoint> bySource(InetSocketAddress source) {
        return Optional.ofNullable(bySource.get(source));
    }

    public Optional<Endpoint> anonymous() {
        return byName.values().stream().filter(e -> e.kind() == EndpointStatus.Kind.ANONYMOUS)
                .min(Comparator.comparing(Endpoint::name));
    }

    public List<Endpoint> all() {
        return byName.values().stream().sorted(Comparator.comparing(Endpoint::name)).toList();
    }
}
