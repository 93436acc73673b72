package org.strowger.sip.internal.endpoint;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.strowger.channel.frame.Codec;
import org.strowger.sip.EndpointStatus;

/**
 * A configured endpoint: who it is, how it proves it, where its calls start and how it is
 * reached. Immutable; a configuration change makes a new one.
 *
 * @param staticAddress resolved host:port of a static endpoint (also how a trunk without a
 *                      secret is recognised: source address and port must both match)
 */
public record Endpoint(String name, Optional<String> secret, String context, List<Codec> codecs,
        EndpointStatus.Kind kind, Optional<InetSocketAddress> staticAddress, String transport,
        int qualifyIntervalSeconds, int maxContacts, boolean trace) {

    public Endpoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(context, "context");
        codecs = List.copyOf(codecs);
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(staticAddress, "staticAddress");
        Objects.requireNonNull(transport, "transport");
    }

    public boolean requiresAuthentication() {
        return secret.isPresent();
    }

    public boolean isDynamic() {
        return kind == EndpointStatus.Kind.DYNAMIC;
    }
}
