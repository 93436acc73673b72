package org.strowger.transfer.internal.pickup;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.strowger.channel.log.CallLogContext;
import org.strowger.pbx.ApplicationResult;
import org.strowger.pbx.Arguments;
import org.strowger.pbx.DialplanApplication;
import org.strowger.pbx.DialplanCall;
import org.strowger.transfer.TransferOutcome;
import org.strowger.transfer.internal.TransferComponent;

/**
 * Pickup(exten[@context]): answers the call ringing at the extension (in the caller's context
 * when none is given). On success the ringing channel, which the caller's Dial watches, takes
 * this call's driver side over, so Dial bridges it; this application's channel is left a zombie
 * and the dialplan ends quietly. Sets PICKUPSTATUS to SUCCESS or FAILED; on failure the dialplan
 * goes on.
 */
@Component(service = DialplanApplication.class, property = DialplanApplication.NAME_PROPERTY + "=Pickup")
public final class PickupApp implements DialplanApplication {

    private static final Logger LOG = LoggerFactory.getLogger(PickupApp.class);

    private final TransferComponent features;

    @Activate
    public PickupApp(@Reference TransferComponent features) {
        this.features = features;
    }

    @Override
    public String description() {
        return "Answers the call ringing at an extension (exten[@context]).";
    }

    @Override
    public ApplicationResult execute(DialplanCall call, Arguments arguments) {
        String target = arguments.get(0).trim();
        int at = target.indexOf('@');
        String extension = at < 0 ? target : target.substring(0, at);
        String context = at < 0 || at == target.length() - 1 ? null : target.substring(at + 1);
        if (extension.isEmpty()) {
            CallLogContext.warn(LOG, call.channel(), "Pickup needs an extension: Pickup(102) or Pickup(102@internal)");
            call.setVariable("PICKUPSTATUS", "FAILED");
            return ApplicationResult.CONTINUE;
        }
        TransferOutcome outcome = features.pickup(call.channel(), extension, context);
        if (outcome.completed()) {
            // the zombie keeps the variables the call had, for its h extension
            call.setVariable("PICKUPSTATUS", "SUCCESS");
            return ApplicationResult.HANGUP;
        }
        CallLogContext.info(LOG, call.channel(), "Pickup of {}: {}", target, outcome.detail());
        call.setVariable("PICKUPSTATUS", "FAILED");
        return call.channel().isHungUp() ? ApplicationResult.HANGUP : ApplicationResult.CONTINUE;
    }
}
