package org.strowger.channel.core;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.strowger.channel.Channel;
import org.strowger.channel.ChannelLink;
import org.strowger.channel.ChannelTechnology;
import org.strowger.channel.ChannelUnavailableException;
import org.strowger.channel.DriverSide;
import org.strowger.channel.HangupCause;
import org.strowger.channel.frame.Control;
import org.strowger.channel.frame.Frame;

/**
 * A channel technology for unit tests: no network; every driver side records what the core
 * asked of it, and tests play the far end through its link.
 */
final class TestDriver implements ChannelTechnology {

    final List<Side> sides = new CopyOnWriteArrayList<>();
    volatile HangupCause refuseWith;

    @Override
    public String description() {
        return "unit-test driver";
    }

    @Override
    public DriverSide request(String resource, ChannelLink link) throws ChannelUnavailableException {
        if (refuseWith != null) {
            throw new ChannelUnavailableException(refuseWith, "refused by the test");
        }
        Side side = new Side(resource, link);
        sides.add(side);
        return side;
    }

    /** A driver side for an inbound channel. */
    Side inbound(String resource, ChannelLink link) {
        Side side = new Side(resource, link);
        sides.add(side);
        return side;
    }

    /** One driver side: what it was asked, and the far end's controls. */
    static class Side implements DriverSide {
        final String resource;
        final ChannelLink link;
        final List<Frame> written = new CopyOnWriteArrayList<>();
        final List<Control> indicated = new CopyOnWriteArrayList<>();
        final List<String> digits = new CopyOnWriteArrayList<>();
        final List<String> fixups = new CopyOnWriteArrayList<>();
        final AtomicInteger hangups = new AtomicInteger();
        final AtomicInteger answers = new AtomicInteger();
        final AtomicInteger calls = new AtomicInteger();
        volatile HangupCause hangupCause;
        /** What the driver believes its owner is, rebound in fixup as a real driver would. */
        volatile Channel owner;

        Side(String resource, ChannelLink link) {
            this.resource = resource;
            this.link = link;
            this.owner = link.owner();
        }

        @Override
        public void call(Duration timeout) {
            calls.incrementAndGet();
        }

        @Override
        public void answer() {
            answers.incrementAndGet();
        }

        @Override
        public void hangup(HangupCause cause) {
            hangupCause = cause;
            hangups.incrementAndGet();
        }

        @Override
        public void write(Frame frame) {
            written.add(frame);
        }

        @Override
        public void indicate(Control control) {
            indicated.add(control);
        }

        @Override
        public void digitBegin(char digit) {
            digits.add("begin " + digit);
        }

        @Override
        public void digitEnd(char digit, Duration duration) {
            digits.add("end " + digit);
        }

        @Override
        public void fixup(Channel oldOwner, Channel newOwner) {
            link.pvtLock().lock();
            try {
                fixups.add(oldOwner.name() + " -> " + newOwner.name());
                owner = newOwner;
            } finally {
                link.pvtLock().unlock();
            }
        }
    }
}
