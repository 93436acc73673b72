package org.strowger.channel.core;


import org.strowger.channel.Channel;
import org.strowger.channel.ChannelLink;
import org.strowger.channel.ChannelTechnology;
import org.strowger.channel.ChannelUnavailableException;
import org.strowger.channel.DriverSide;
import org.strowger.channel.DriverSideAdapter;
import org.strowger.channel.HangupCause;
import org.strowger.channel.InboundCall;
import org.strowger.channel.CallerId;
import org.strowger.channel.TechnologyInfo;
import org.strowger.channel.TechnologyName;

/**
 * The benchmarks' channel technology {@code Bench}, registered next to the {@link TestDriver}
 * in a {@link CoreFixture}. It behaves like a minimal real driver but records nothing: the
 * {@link TestDriver} keeps every side it ever made in a copy-on-write list, so a benchmark that
 * makes millions of channels through it would measure that list (one array copy per channel,
 * growing without bound) instead of the core.
 *
 * <p>Its fixup rebinds a volatile owner. With {@code lockingFixup} it first takes its own pvt
 * lock, as {@link TestDriver} and most real drivers do; but in production mode
 * ({@code LockOrderValidator(false)}) {@code RankedLock.lock()} currently throws
 * {@code UnsupportedOperationException} ("No access to RETAIN_CLASS_REFERENCE", from the
 * validator's {@code StackWalker}) after taking the lock, so the lock stays held for ever: the
 * masquerades of other threads that later fix up that side then block, and 16 threads sharing
 * channels deadlock within a second. The benchmarks therefore default to the lock-free fixup
 * and measure the locking one only single-threaded, to show what the bug costs.
 */
final class BenchDriver implements ChannelTechnology {

    static final TechnologyName NAME = TechnologyName.of("Bench");

    private final boolean lockingFixup;

    BenchDriver(boolean lockingFixup) {
        this.lockingFixup = lockingFixup;
    }

    /** Registers a Bench driver in the fixture's registry and returns it. */
    static BenchDriver registerIn(CoreFixture fixture, boolean lockingFixup) {
        BenchDriver driver = new BenchDriver(lockingFixup);
        fixture.registry.add(driver, new TechnologyInfo(NAME, "benchmark driver", "bench", "1"));
        return driver;
    }

    /** An outbound channel through the dial-string path, as applications make them, e.g. {@code Bench/alice}. */
    static Channel request(CoreFixture fixture, String dialString) {
        try {
            return fixture.core.request(dialString);
        } catch (ChannelUnavailableException e) {
            throw new AssertionError(e);
        }
    }

    /** An inbound channel, as a driver reports a call: no dial string to parse. */
    static Channel inbound(CoreFixture fixture, InboundCall call) {
        try {
            return fixture.core.createInbound(call, link -> new Side(link, false));
        } catch (ChannelUnavailableException e) {
            throw new AssertionError(e);
        }
    }

    static InboundCall inboundCall(String resource) {
        return new InboundCall(NAME, resource, new CallerId("100", resource), "200", "internal");
    }

    @Override
    public String description() {
        return "benchmark driver";
    }

    @Override
    public DriverSide request(String resource, ChannelLink link) {
        return new Side(link, lockingFixup);
    }

    /** A driver side that keeps only what a real driver must: its link and its owner. */
    static final class Side extends DriverSideAdapter {
        private final ChannelLink link;
        private final boolean lockingFixup;
        private volatile Channel owner;
        private volatile boolean hungUp;

        Side(ChannelLink link, boolean lockingFixup) {
            this.link = link;
            this.lockingFixup = lockingFixup;
            this.owner = link.owner();
        }

        @Override
        public void hangup(HangupCause cause) {
            hungUp = true;
        }

        @Override
        public void fixup(Channel oldOwner, Channel newOwner) {
            if (!lockingFixup) {
                owner = newOwner;
                return;
            }
            link.pvtLock().lock();
            try {
                owner = newOwner;
            } finally {
                link.pvtLock().unlock();
            }
        }

        boolean isHungUp() {
            return hungUp;
        }

        Channel owner() {
            return owner;
        }
    }
}
