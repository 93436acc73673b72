package org.strowger.channel.core;

import org.strowger.channel.CallerId;
import org.strowger.channel.Channel;
import org.strowger.channel.ChannelUnavailableException;
import org.strowger.channel.InboundCall;
import org.strowger.channel.TechnologyInfo;
import org.strowger.channel.TechnologyName;
import org.strowger.channel.core.lock.LockOrderValidator;

/** A channel core with the {@link TestDriver} registered as technology {@code Test}, strict lock order. */
final class CoreFixture {

    final TechnologyRegistry registry = new TechnologyRegistry();
    final TestDriver driver = new TestDriver();
    final ChannelCore core;

    CoreFixture() {
        this(true);
    }

    CoreFixture(boolean strict) {
        core = new ChannelCore(new LockOrderValidator(strict), registry);
        registry.add(driver, new TechnologyInfo(TechnologyName.of("Test"), "unit-test driver", "test", "1"));
        core.addInboundHandler(inboundCalls::add);
    }

    /** Inbound channels the core handed to the (stand-in) dialplan. */
    final java.util.List<Channel> inboundCalls = new java.util.concurrent.CopyOnWriteArrayList<>();

    Channel request(String resource) {
        try {
            return core.request("Test/" + resource);
        } catch (ChannelUnavailableException e) {
            throw new AssertionError(e);
        }
    }

    Channel inbound(String resource) {
        try {
            return core.createInbound(new InboundCall(TechnologyName.of("Test"), resource,
                    new CallerId("100", resource), "200", "internal"), link -> driver.inbound(resource, link));
        } catch (ChannelUnavailableException e) {
            throw new AssertionError(e);
        }
    }

    TestDriver.Side sideOf(Channel channel) {
        return (TestDriver.Side) ((CoreChannel) channel).link.side;
    }
}
