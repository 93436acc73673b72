package org.strowger.sip.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.strowger.channel.status.StatusContributor;
import org.strowger.sip.DialogInfo;
import org.strowger.sip.EndpointStatus;
import org.strowger.sip.SipAdmin;

/** The SIP driver's lines in {@code strowger:status}: endpoints by reachability, registrations, dialogs. */
@Component(service = StatusContributor.class)
public final class SipStatusContributor implements StatusContributor {

    private final SipAdmin admin;

    @Activate
    public SipStatusContributor(@Reference SipAdmin admin) {
        this.admin = admin;
    }

    @Override
    public String name() {
        return "SIP";
    }

    @Override
    public List<String> lines() {
        List<EndpointStatus> endpoints = admin.endpoints();
        Map<String, Integer> byReachability = new TreeMap<>();
        for (EndpointStatus endpoint : endpoints) {
            byReachability.merge(endpoint.reachability().name().toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
        }
        StringBuilder endpointLine = new StringBuilder("Endpoints: ").append(endpoints.size());
        if (!byReachability.isEmpty()) {
            endpointLine.append(" (");
            byReachability.forEach((state, count) -> endpointLine.append(count).append(' ').append(state).append(", "));
            endpointLine.setLength(endpointLine.length() - 2);
            endpointLine.append(')');
        }
        List<DialogInfo> dialogs = admin.dialogs();
        long onHold = dialogs.stream().filter(DialogInfo::onHold).count();
        return List.of(
                endpointLine.toString(),
                "Registrations: " + admin.registrations().size(),
                "Dialogs: " + dialogs.size() + (onHold == 0 ? "" : " (" + onHold + " on hold)"),
                "Listening on: " + (admin.listeningPoints().isEmpty() ? "nothing" : String.join(", ",
                        admin.listeningPoints())));
    }
}
