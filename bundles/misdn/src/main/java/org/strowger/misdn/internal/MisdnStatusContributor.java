package org.strowger.misdn.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.strowger.channel.status.StatusContributor;
import org.strowger.misdn.MisdnAdmin;
import org.strowger.misdn.PortStatus;

/** The mISDN driver's lines in {@code strowger:status}: each port's layers 1 and 2, or why mISDN is unavailable. */
@Component(service = StatusContributor.class)
public final class MisdnStatusContributor implements StatusContributor {

    private final MisdnAdmin admin;

    @Activate
    public MisdnStatusContributor(@Reference MisdnAdmin admin) {
        this.admin = admin;
    }

    @Override
    public String name() {
        return "mISDN";
    }

    @Override
    public List<String> lines() {
        if (!admin.available()) {
            String reason = admin.unavailableReason();
            if (reason == null || reason.isEmpty()) {
                return List.of("mISDN unavailable (no reason given)");
            }
            return List.of(reason.startsWith("mISDN unavailable") ? reason : "mISDN unavailable (" + reason + ")");
        }
        List<PortStatus> ports = admin.ports();
        List<String> lines = new ArrayList<>();
        lines.add((admin.simulated() ? "Simulated card" : "Kernel mISDN") + ", " + ports.size()
                + (ports.size() == 1 ? " port" : " ports"));
        for (PortStatus port : ports) {
            lines.add(String.format("Port %d (%s, %s): L1 %s, L2 %s, B-channels %d/%d in use", port.port(), port.name(),
                    port.role(), port.layer1Up() ? "up" : "down", port.layer2Up() ? "up" : "down",
                    port.bChannelsInUse(), port.bChannels()));
        }
        return lines;
    }
}
