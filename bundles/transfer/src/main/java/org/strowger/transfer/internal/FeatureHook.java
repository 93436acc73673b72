package org.strowger.transfer.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.strowger.channel.Channel;
import org.strowger.channel.bridge.Bridge;
import org.strowger.channel.bridge.BridgeHook;

/** TO BE WRITTEN (lead): the DTMF feature codes in bridges. */
@Component(service = BridgeHook.class)
public final class FeatureHook implements BridgeHook {

    private final TransferComponent transfers;

    @Activate
    public FeatureHook(@Reference TransferComponent transfers) {
        this.transfers = transfers;
    }

    @Override
    public Decision onDigit(Bridge bridge, Channel from, char digit) {
        return Decision.PASS;
    }
}
