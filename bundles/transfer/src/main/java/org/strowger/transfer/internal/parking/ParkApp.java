package org.strowger.transfer.internal.parking;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.strowger.channel.Channel;
import org.strowger.channel.log.CallLogContext;
import org.strowger.channel.ChannelState;
import org.strowger.pbx.ApplicationResult;
import org.strowger.pbx.Arguments;
import org.strowger.pbx.DialplanApplication;
import org.strowger.pbx.DialplanCall;
import org.strowger.transfer.TransferOutcome;
import org.strowger.transfer.internal.TransferComponent;

/**
 * Park(): parks the calling channel itself in the first free slot, as the parking extension
 * ({@code exten => 700,1,Park()}) does. The caller hears its slot first (PARKINGSLOT is set),
 * then the lot takes the call over; this application's channel is left a zombie and the
 * dialplan ends quietly. When the call came by a blind transfer (BLINDTRANSFER names the
 * transferer), the parking time runs out to the transferer's device; otherwise it is hung up
 * then. When the lot is full the caller goes on in the dialplan with PARKINGSLOT empty.
 */
@Component(service = DialplanApplication.class, property = DialplanApplication.NAME_PROPERTY + "=Park")
public final class ParkApp implements DialplanApplication {

    private static final Logger LOG = LoggerFactory.getLogger(ParkApp.class);

    private final TransferComponent features;

    @Activate
    public ParkApp(@Reference TransferComponent features) {
        this.features = features;
    }

    @Override
    public String description() {
        return "Parks the call in the first free slot and tells the caller which.";
    }

    @Override
    public ApplicationResult execute(DialplanCall call, Arguments arguments) {
        Channel caller = call.channel();
        if (caller.isHungUp()) {
            return ApplicationResult.HANGUP;
        }
        if (caller.state() != ChannelState.UP) {
            caller.answer();
        }
        // the transferer's name, live or not: after a blind transfer it has usually hung up, and
        // its device (the name without the unique suffix) is what the parked call rings again
        String comebackTo = call.variable("BLINDTRANSFER").map(String::trim).orElse("");
        TransferOutcome outcome = features.parking().parkSelf(caller, comebackTo);
        if (outcome.completed()) {
            return ApplicationResult.HANGUP;
        }
        CallLogContext.info(LOG, caller, "Park: {}", outcome.detail());
        if (caller.isHungUp()) {
            return ApplicationResult.HANGUP;
        }
        call.setVariable("PARKINGSLOT", "");
        return ApplicationResult.CONTINUE;
    }
}
