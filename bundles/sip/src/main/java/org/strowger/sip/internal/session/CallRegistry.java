package org.strowger.sip.internal.session;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Live INVITE sessions by Call-ID: how CANCEL, in-dialog requests and the console find a call. */
public final class CallRegistry {

    private final Map<String, SipCall> byCallId = new ConcurrentHashMap<>();

    void add(SipCall call) {
        byCallId.put(call.callId(), call);
    }

    void remove(SipCall call) {
        byCallId.remove(call.callId(), call);
    }

    public Optional<SipCall> byCallId(String callId) {
        return Optional.ofNullable(byCallId.get(callId));
    }

    public List<SipCall> all() {
        return byCallId.values().stream().sorted(Comparator.comparing(SipCall::callId)).toList();
    }

    public int size() {
        return byCallId.size();
    }

}
