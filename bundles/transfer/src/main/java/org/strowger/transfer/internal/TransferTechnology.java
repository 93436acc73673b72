package org.strowger.transfer.internal;

import org.osgi.service.component.annotations.Component;
import org.strowger.channel.ChannelLink;
import org.strowger.channel.ChannelTechnology;
import org.strowger.channel.DriverSide;
import org.strowger.channel.DriverSideAdapter;

/**
 * The technology {@code Transfer}: channels with no far end. A party the features take over is
 * masqueraded into one ({@code Transfer/park-...}), and a party on hold or in the parking lot is
 * bridged to one ({@code Transfer/hold-...}), which drops whatever it is sent, so nothing piles up
 * unread.
 */
@Component(service = ChannelTechnology.class, property = ChannelTechnology.TECHNOLOGY_PROPERTY + "="
        + TransferTechnology.NAME)
public final class TransferTechnology implements ChannelTechnology {

    public static final String NAME = "Transfer";

    @Override
    public String description() {
        return "Placeholders of the transfer features (parties being moved, on hold or parked)";
    }

    @Override
    public DriverSide request(String resource, ChannelLink link) {
        return new DriverSideAdapter();
    }
}
