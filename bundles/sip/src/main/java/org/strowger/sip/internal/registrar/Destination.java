package org.strowger.sip.internal.registrar;

import java.net.InetSocketAddress;
import java.text.ParseException;
import java.util.Optional;

import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;

import org.strowger.sip.internal.endpoint.Endpoint;

/**
 * Where a request for an endpoint goes: its newest registered contact, or its static address.
 * Calls and qualify OPTIONS both ask here.
 *
 * @param requestUri the Request-URI to send to
 * @param transport  udp or tcp
 * @param describe   the contact or host:port, for logs and the console
 */
public record Destination(URI requestUri, String transport, String describe, boolean registered) {

    /** Empty when a dynamic endpoint is not registered (a static one always has an address). */
    public static Optional<Destination> of(Endpoint endpoint, String user, Registrar registrar, AddressFactory addresses)
            throws ParseException {
        if (endpoint.isDynamic()) {
            Optional<Binding> binding = registrar.latest(endpoint.name());
            if (binding.isEmpty()) {
                return Optional.empty();
            }
            URI uri = addresses.createURI(binding.get().contact());
            String transport = uri instanceof SipURI sip && sip.getTransportParam() != null ? sip.getTransportParam()
                    : binding.get().source().split(":", 2)[0];
            return Optional.of(new Destination(uri, transport, binding.get().contact(), true));
        }
        if (endpoint.staticAddress().isEmpty()) {
            return Optional.empty();
        }
        InetSocketAddress address = endpoint.staticAddress().get();
        SipURI uri = addresses.createSipURI(user, address.getAddress().getHostAddress());
        uri.setPort(address.getPort());
        if (endpoint.transport().equals("tcp")) {
            uri.setTransportParam("tcp");
        }
        return Optional.of(new Destination(uri, endpoint.transport(),
                address.getAddress().getHostAddress() + ":" + address.getPort(), false));
    }
}
