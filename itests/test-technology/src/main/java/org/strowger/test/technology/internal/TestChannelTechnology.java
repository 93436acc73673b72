package org.strowger.test.technology.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.strowger.channel.CallerId;
import org.strowger.channel.Channel;
import org.strowger.channel.ChannelLink;
import org.strowger.channel.ChannelService;
import org.strowger.channel.ChannelTechnology;
import org.strowger.channel.ChannelUnavailableException;
import org.strowger.channel.DriverSide;
import org.strowger.channel.InboundCall;
import org.strowger.channel.TechnologyName;
import org.strowger.test.technology.TestLine;
import org.strowger.test.technology.TestTechnologyControl;

/** The channel technology {@code Test}: lines without a network, driven entirely by tests. */
@Component(service = {ChannelTechnology.class, TestTechnologyControl.class},
        property = ChannelTechnology.TECHNOLOGY_PROPERTY + "=" + TestTechnologyControl.NAME)
public class TestChannelTechnology implements ChannelTechnology, TestTechnologyControl {

    private static final TechnologyName NAME = TechnologyName.of(TestTechnologyControl.NAME);

    private final ChannelService channels;
    private final Map<ChannelLink, TestLineSide> lines = new ConcurrentHashMap<>();

    @Activate
    public TestChannelTechnology(@Reference ChannelService channels) {
        this.channels = channels;
    }

    @Override
    public String description() {
        return "Test channels without a network, driven by tests";
    }

    @Override
    public DriverSide request(String resource, ChannelLink link) {
        return newLine(link);
    }

    @Override
    public Channel inbound(String resource, String dialed, String context) throws ChannelUnavailableException {
        return channels.createInbound(new InboundCall(NAME, resource, new CallerId(resource, resource), dialed, context),
                this::newLine);
    }

    @Override
    public Optional<TestLine> lineOf(Channel channel) {
        return lines.values().stream().filter(line -> line.owner() == channel && line.releases() == 0)
                .map(TestLine.class::cast).findFirst();
    }

    private TestLineSide newLine(ChannelLink link) {
        TestLineSide line = new TestLineSide(link);
        lines.put(link, line);
        return line;
    }
}
