package org.strowger.sip.internal.stack;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sip.message.Message;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Per-endpoint SIP message tracing: whole messages at INFO on logger {@code org.strowger.sip.trace}. */
public final class MessageTrace {

    private static final Logger TRACE = LoggerFactory.getLogger("org.strowger.sip.trace");

    private final Set<String> traced = ConcurrentHashMap.newKeySet();

    public void set(String endpoint, boolean on) {
        if (on) {
            traced.add(endpoint);
        } else {
            traced.remove(endpoint);
        }
    }

    public boolean isTraced(String endpoint) {
        return endpoint != null && traced.contains(endpoint);
    }

    public void received(String endpoint, String from, Message message) {
        if (isTraced(endpoint)) {
            TRACE.info("<--- SIP from {} ({}):\n{}", from, endpoint, message);
        }
    }

    public void sent(String endpoint, String to, Message message) {
        if (isTraced(endpoint)) {
            TRACE.info("---> SIP to {} ({}):\n{}", to, endpoint, message);
        }
    }
}
