package org.strowger.pbx.internal.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.strowger.channel.ChannelLink;
import org.strowger.channel.ChannelTechnology;
import org.strowger.channel.DriverSide;
import org.strowger.channel.HangupCause;
import org.strowger.channel.frame.Control;
import org.strowger.channel.frame.Frame;

/** A test phone line: a driver side that records what it is asked, played from the far end by tests. */
final class Line implements DriverSide {

    final String resource;
    final ChannelLink link;
    final List<Frame> received = new CopyOnWriteArrayList<>();
    final List<Control> indications = new CopyOnWriteArrayList<>();
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger answers = new AtomicInteger();
    volatile HangupCause released;

    Line(String resource, ChannelLink link) {
        this.resource = resource;
        this.link = link;
    }

    /** A line named {@code unreachable} cannot be called, as a driver whose INVITE cannot be sent. */
    @Override
    public void call(Duration timeout) throws org.strowger.channel.ChannelUnavailableException {
        calls.incrementAndGet();
        if (resource.equals("unreachable")) {
            throw new org.strowger.channel.ChannelUnavailableException(HangupCause.DESTINATION_OUT_OF_ORDER,
                    "the test line 'unreachable' cannot be called");
        }
    }

    @Override
    public void answer() {
        answers.incrementAndGet();
    }

    @Override
    public void hangup(HangupCause cause) {
        released = cause;
    }

    @Override
    public void write(Frame frame) {
        received.add(frame);
    }

    @Override
    public void indicate(Control control) {
        indications.add(control);
    }

    /** The technology "Phone": every requested line is kept for the test to play. */
    static final class Phones implements ChannelTechnology {
        final List<Line> lines = new CopyOnWriteArrayList<>();

        @Override
        public String description() {
            return "test phones";
        }

        @Override
        public DriverSide request(String resource, ChannelLink link) {
            Line line = new Line(resource, link);
            lines.add(line);
            return line;
        }

        Line line(String resource) {
            return lines.stream().filter(line -> line.resource.equals(resource)).reduce((a, b) -> b)
                    .orElseThrow(() -> new AssertionError("no line was requested for " + resource));
        }
    }
}
