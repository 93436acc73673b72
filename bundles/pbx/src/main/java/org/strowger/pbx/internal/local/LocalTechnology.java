package org.strowger.pbx.internal.local;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.strowger.channel.CallerId;
import org.strowger.channel.ChannelLink;
import org.strowger.channel.ChannelService;
import org.strowger.channel.ChannelTechnology;
import org.strowger.channel.ChannelUnavailableException;
import org.strowger.channel.DriverSide;
import org.strowger.channel.HangupCause;
import org.strowger.channel.InboundCall;
import org.strowger.channel.TechnologyName;

/**
 * The channel technology {@code Local}: {@code Local/exten@context[/n]} makes an outer half for
 * the caller; calling it makes the inner half, which enters the dialplan at exten@context.
 */
@Component(property = ChannelTechnology.TECHNOLOGY_PROPERTY + "=Local")
public class LocalTechnology implements ChannelTechnology {

    /** Starts the inner half of a pair. */
    @FunctionalInterface
    interface Starter {
        void start(LocalPair pair) throws ChannelUnavailableException;
    }

    private static final TechnologyName LOCAL = TechnologyName.of("Local");

    private final ChannelService channels;
    private final ExecutorService followUps = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "strowger-local");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public LocalTechnology(@Reference ChannelService channels) {
        this.channels = channels;
    }

    @Deactivate
    void deactivate() {
        followUps.shutdownNow();
    }

    @Override
    public String description() {
        return "Local channels: exten@context[/n] enters the dialplan as a new call";
    }

    @Override
    public DriverSide request(String resource, ChannelLink link) throws ChannelUnavailableException {
        boolean noOptimization = resource.endsWith("/n");
        String target = noOptimization ? resource.substring(0, resource.length() - 2) : resource;
        int at = target.indexOf('@');
        if (at <= 0 || at == target.length() - 1 || target.indexOf('/') >= 0) {
            throw new ChannelUnavailableException(HangupCause.INVALID_NUMBER_FORMAT,
                    "Local channel '" + resource + "' is not exten@context[/n]");
        }
        LocalPair pair = new LocalPair(target.substring(0, at), target.substring(at + 1), noOptimization, channels,
                followUps, link);
        pair.outer.onCall(this::startInner);
        return pair.outer;
    }

    private void startInner(LocalPair pair) throws ChannelUnavailableException {
        CallerId caller = pair.outer.link.owner().callerId();
        channels.createInbound(new InboundCall(LOCAL, pair.exten + "@" + pair.context, caller, pair.exten,
                pair.context), link -> {
                    LocalHalf inner = new LocalHalf(pair, link);
                    pair.inner = inner;
                    return inner;
                });
    }
}
