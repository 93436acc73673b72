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

    /**
     * The test technology's name, made once: {@link TechnologyName#of} matches a regular
     * expression, and Lincheck's model checker stops finding switch points once a test block has
     * run {@code java.util.regex} code (see MasqueradeModelCheckTest), so model-checked blocks make
     * channels with {@link #inbound}, which needs no parsing.
     */
    static final TechnologyName TEST = TechnologyName.of("Test");

    final TechnologyRegistry registry = new TechnologyRegistry();
    final TestDriver driver = new TestDriver();
    final ChannelCore core;

    CoreFixture() {
        this(true);
    }

    CoreFixture(boolean strict) {
        core = new ChannelCore(new LockOrderValidator(strict), registry);
        registry.add(driver, new TechnologyInfo(TEST, "unit-test driver", "test", "1"));
        core.addInboundHandler(this::recordInbound);
    }

    /** The last inbound channels the core handed to the (stand-in) dialplan; bounded, as benchmarks make millions. */
    final java.util.Queue<Channel> inboundCalls = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicInteger recorded = new java.util.concurrent.atomic.AtomicInteger();

    private void recordInbound(Channel channel) {
        inboundCalls.add(channel);
        if (recorded.incrementAndGet() > 1000) {
            inboundCalls.poll();
        }
    }

    Channel request(String resource) {
        try {
            return core.request("Test/" + resource);
        } catch (ChannelUnavailableException e) {
            throw new AssertionError(e);
        }
    }

    Channel inbound(String resource) {
        try {
            return core.createInbound(new InboundCall(TEST, resource,
                    new CallerId("100", resource), "200", "internal"), link -> driver.inbound(resource, link));
        } catch (ChannelUnavailableException e) {
            throw new AssertionError(e);
        }
    }

    TestDriver.Side sideOf(Channel channel) {
        return (TestDriver.Side) ((CoreChannel) channel).link.side;
    }
}
