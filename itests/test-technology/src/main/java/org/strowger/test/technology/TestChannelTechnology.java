package org.strowger.test.technology;

import org.osgi.service.component.annotations.Component;
import org.strowger.channel.ChannelTechnology;

/** The channel technology {@code Test}: no network, driven entirely by tests. */
@Component(property = ChannelTechnology.TECHNOLOGY_PROPERTY + "=" + TestChannelTechnology.NAME)
public class TestChannelTechnology implements ChannelTechnology {

    public static final String NAME = "Test";

    @Override
    public String description() {
        return "Test channels without a network, driven by tests";
    }
}
