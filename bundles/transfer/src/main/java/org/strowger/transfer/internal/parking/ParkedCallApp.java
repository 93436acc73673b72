package org.strowger.transfer.internal.parking;

import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.strowger.channel.Channel;
import org.strowger.channel.ChannelState;
import org.strowger.channel.HangupCause;
import org.strowger.channel.bridge.Bridge;
import org.strowger.channel.bridge.HangupPolicy;
import org.strowger.pbx.ApplicationResult;
import org.strowger.pbx.Arguments;
import org.strowger.pbx.DialplanApplication;
import org.strowger.pbx.DialplanCall;
import org.strowger.transfer.internal.TransferComponent;

/**
 * ParkedCall([slot]): retrieves the call parked in the slot (the dialled extension when no slot
 * is given) and bridges it with the caller; the call then holds no thread until the bridge ends.
 * An empty slot ends the call (the caller has nothing to talk to).
 */
@Component(service = DialplanApplication.class, property = DialplanApplication.NAME_PROPERTY + "=ParkedCall")
public final class ParkedCallApp implements DialplanApplication {

    private static final Logger LOG = LoggerFactory.getLogger(ParkedCallApp.class);

    private final TransferComponent features;

    @Activate
    public ParkedCallApp(@Reference TransferComponent features) {
        this.features = features;
    }

    @Override
    public String description() {
        return "Retrieves the call parked in a slot and bridges it with the caller.";
    }

    @Override
    public ApplicationResult execute(DialplanCall call, Arguments arguments) {
        Channel caller = call.channel();
        String text = arguments.get(0).isBlank() ? call.location().extension() : arguments.get(0).trim();
        int slot;
        try {
            slot = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            LOG.warn("ParkedCall: slot '{}' is not a number (ParkedCall(701))", text);
            return ApplicationResult.HANGUP;
        }
        if (caller.isHungUp()) {
            return ApplicationResult.HANGUP;
        }
        Optional<Channel> parked = features.parking().retrieve(slot);
        if (parked.isEmpty()) {
            LOG.info("ParkedCall: nothing is parked in slot {}", slot);
            return ApplicationResult.HANGUP;
        }
        if (caller.state() != ChannelState.UP) {
            caller.answer();
        }
        Bridge bridge;
        try {
            bridge = call.channels().bridge(caller, parked.get(), HangupPolicy.BOTH);
        } catch (IllegalStateException e) {
            // the caller or the parked party hung up meanwhile: the call retrieved must not linger
            LOG.info("ParkedCall: could not bridge with {}: {}", parked.get().name(),
                    e.getMessage());
            call.channels().hangup(parked.get(), HangupCause.NORMAL_CLEARING);
            return ApplicationResult.HANGUP;
        }
        LOG.info("ParkedCall: talking to {} from slot {}", parked.get().name(), slot);
        return new ApplicationResult.Suspend(bridge.ended().thenApply(cause -> ApplicationResult.HANGUP));
    }
}
