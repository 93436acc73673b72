package org.strowger.sip.internal.qualify;

import java.text.ParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.sip.ClientTransaction;
import javax.sip.address.Address;
import javax.sip.address.URI;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.strowger.sip.EndpointStatus.Reachability;
import org.strowger.sip.internal.endpoint.Endpoint;
import org.strowger.sip.internal.endpoint.EndpointRegistry;
import org.strowger.sip.internal.registrar.Destination;
import org.strowger.sip.internal.registrar.Registrar;
import org.strowger.sip.internal.stack.RequestBuilder;
import org.strowger.sip.internal.stack.SipMessages;

/**
 * Qualify: an OPTIONS to each endpoint that has an address, every {@code qualifyIntervalSeconds};
 * any response means reachable (with its round trip), a transaction timeout means unreachable.
 */
public final class Qualifier {

    private static final Logger LOG = LoggerFactory.getLogger(Qualifier.class);

    /** An OPTIONS in flight. */
    public record Probe(String endpoint, long sentNanos) {
    }

    /** What the console shows. */
    public record Status(Reachability reachability, long roundTripMillis) {
    }

    private record State(Status status, long lastSentNanos, boolean inFlight) {
    }

    private final EndpointRegistry endpoints;
    private final Registrar registrar;
    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final SipMessages messages;

    public Qualifier(SipMessages messages, EndpointRegistry endpoints, Registrar registrar) {
        this.messages = messages;
        this.endpoints = endpoints;
        this.registrar = registrar;
    }

    public Status status(Endpoint endpoint) {
        if (endpoint.qualifyIntervalSeconds() == 0 || endpoint.kind() == org.strowger.sip.EndpointStatus.Kind.ANONYMOUS) {
            return new Status(Reachability.UNMONITORED, -1);
        }
        State state = states.get(endpoint.name());
        return state == null ? new Status(Reachability.UNKNOWN, -1) : state.status();
    }

    /** Called every second: sends the OPTIONS that are due. */
    public void tick() {
        SipMessages current = messages;
        if (current == null) {
            return;
        }
        long now = System.nanoTime();
        for (Endpoint endpoint : endpoints.all()) {
            if (endpoint.qualifyIntervalSeconds() == 0 || endpoint.kind() == org.strowger.sip.EndpointStatus.Kind.ANONYMOUS) {
                continue;
            }
            State state = states.get(endpoint.name());
            if (state != null && (state.inFlight()
                    || now - state.lastSentNanos() < endpoint.qualifyIntervalSeconds() * 1_000_000_000L)) {
                continue;
            }
            Optional<Destination> target;
            try {
                target = Destination.of(endpoint, endpoint.name(), registrar, current.factories().addresses());
            } catch (ParseException e) {
                target = Optional.empty();
            }
            if (target.isEmpty()) {
                states.put(endpoint.name(), new State(new Status(Reachability.UNKNOWN, -1), now, false));
                continue;
            }
            send(current, endpoint, target.get(), state, now);
        }
        states.keySet().removeIf(name -> endpoints.byName(name).isEmpty());
    }

    private void send(SipMessages current, Endpoint endpoint, Destination target, State previous, long now) {
        Status status = previous == null ? new Status(Reachability.UNKNOWN, -1) : previous.status();
        try {
            Address to = current.factories().addresses().createAddress((URI) target.requestUri().clone());
            Request options = new RequestBuilder(current).build(Request.OPTIONS, target.requestUri(), to, target.transport(),
                    "strowger", null, null);
            ClientTransaction transaction = current.provider().getNewClientTransaction(options);
            transaction.setApplicationData(new Probe(endpoint.name(), now));
            states.put(endpoint.name(), new State(status, now, true));
            transaction.sendRequest();
            current.trace().sent(endpoint.name(), target.requestUri().toString(), options);
        } catch (Exception e) {
            LOG.debug("Qualify of {} failed to send: {}", endpoint.name(), e.toString());
            update(endpoint.name(), new Status(Reachability.UNREACHABLE, -1), now);
        }
    }

    public void answered(Probe probe, Response response) {
        long rtt = (System.nanoTime() - probe.sentNanos()) / 1_000_000;
        SipMessages current = messages;
        if (current != null) {
            current.trace().received(probe.endpoint(), "qualify", response);
        }
        update(probe.endpoint(), new Status(Reachability.REACHABLE, rtt), probe.sentNanos());
    }

    public void timedOut(Probe probe) {
        update(probe.endpoint(), new Status(Reachability.UNREACHABLE, -1), probe.sentNanos());
    }

    private void update(String endpoint, Status status, long sentNanos) {
        State old = states.put(endpoint, new State(status, sentNanos, false));
        Reachability before = old == null ? Reachability.UNKNOWN : old.status().reachability();
        if (before != status.reachability()) {
            if (status.reachability() == Reachability.UNREACHABLE) {
                LOG.warn("SIP endpoint {} is UNREACHABLE (no answer to OPTIONS)", endpoint);
            } else {
                LOG.info("SIP endpoint {} is {} ({} ms)", endpoint, status.reachability(), status.roundTripMillis());
            }
        }
    }
}
