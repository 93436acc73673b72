package org.strowger.test.technology.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.strowger.channel.Channel;
import org.strowger.channel.ChannelLink;
import org.strowger.channel.DriverSide;
import org.strowger.channel.HangupCause;
import org.strowger.channel.frame.Control;
import org.strowger.channel.frame.DtmfFrame;
import org.strowger.channel.frame.Frame;
import org.strowger.test.technology.TestLine;

/** One test line: the driver side of a test channel, recording everything, driven by tests. */
final class TestLineSide implements DriverSide, TestLine {

    private final ChannelLink link;
    private final List<Frame> received = new CopyOnWriteArrayList<>();
    private final List<Control> indications = new CopyOnWriteArrayList<>();
    private final List<String> fixups = new CopyOnWriteArrayList<>();
    private final AtomicInteger releases = new AtomicInteger();
    private volatile HangupCause releaseCause;

    TestLineSide(ChannelLink link) {
        this.link = link;
    }

    @Override
    public Channel owner() {
        return link.owner();
    }

    @Override
    public void send(Frame frame) {
        link.queueFrame(frame);
    }

    @Override
    public void hangUp(HangupCause cause) {
        link.farEndHangup(cause);
    }

    @Override
    public List<Frame> received() {
        return List.copyOf(received);
    }

    @Override
    public List<Control> indications() {
        return List.copyOf(indications);
    }

    @Override
    public int releases() {
        return releases.get();
    }

    @Override
    public Optional<HangupCause> releaseCause() {
        return Optional.ofNullable(releaseCause);
    }

    @Override
    public List<String> fixups() {
        return List.copyOf(fixups);
    }

    @Override
    public void call(Duration timeout) {
        // a test line answers nothing by itself: the test plays the far end
    }

    @Override
    public void answer() {
    }

    @Override
    public void hangup(HangupCause cause) {
        releaseCause = cause;
        releases.incrementAndGet();
    }

    @Override
    public void write(Frame frame) {
        received.add(frame);
    }

    @Override
    public void indicate(Control control) {
        indications.add(control);
    }

    @Override
    public void digitEnd(char digit, Duration duration) {
        received.add(DtmfFrame.end(digit, duration));
    }

    @Override
    public void fixup(Channel oldOwner, Channel newOwner) {
        link.pvtLock().lock();
        try {
            fixups.add(oldOwner.name() + " -> " + newOwner.name());
        } finally {
            link.pvtLock().unlock();
        }
    }
}
