package org.strowger.transfer.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.strowger.channel.ChannelLink;
import org.strowger.channel.ChannelState;
import org.strowger.channel.ChannelTechnology;
import org.strowger.channel.DriverSide;
import org.strowger.channel.HangupCause;
import org.strowger.channel.frame.Control;
import org.strowger.channel.frame.DtmfFrame;
import org.strowger.channel.frame.Frame;

/** A test phone: a driver side that records what it is sent, played from the far end by tests. */
final class Phone implements DriverSide {

    final String resource;
    final ChannelLink link;
    final List<Frame> received = new CopyOnWriteArrayList<>();
    final List<Control> indications = new CopyOnWriteArrayList<>();
    volatile HangupCause released;
    /** How often the core hung this driver side up (exactly once for a call that ended). */
    final java.util.concurrent.atomic.AtomicInteger hangups = new java.util.concurrent.atomic.AtomicInteger();
    volatile boolean called;

    Phone(String resource, ChannelLink link) {
        this.resource = resource;
        this.link = link;
    }

    @Override
    public void call(Duration timeout) {
        called = true;
    }

    @Override
    public void answer() {
        // the far end is told by the state the core sets
    }

    @Override
    public void hangup(HangupCause cause) {
        hangups.incrementAndGet();
        released = cause;
    }

    @Override
    public void write(Frame frame) {
        received.add(frame);
    }

    @Override
    public void digitEnd(char digit, Duration duration) {
        received.add(DtmfFrame.end(digit, duration));
    }

    @Override
    public void indicate(Control control) {
        indications.add(control);
    }

    // the far end's actions

    void ring() {
        link.setState(ChannelState.RINGING);
        link.queueFrame(new org.strowger.channel.frame.ControlFrame(Control.RINGING));
    }

    void answerFromFarEnd() {
        link.setState(ChannelState.UP);
        link.queueFrame(new org.strowger.channel.frame.ControlFrame(Control.ANSWER));
    }

    void busy() {
        link.farEndHangup(HangupCause.USER_BUSY);
    }

    void hangUpFromFarEnd() {
        link.farEndHangup(HangupCause.NORMAL_CLEARING);
    }

    /** Presses keys: each a DTMF begin and end, as a driver reports RFC 4733 events. */
    void press(String keys) {
        for (char key : keys.toCharArray()) {
            link.queueFrame(DtmfFrame.begin(key));
            link.queueFrame(DtmfFrame.end(key, Duration.ofMillis(100)));
        }
    }

    /** The digits this phone was sent (DTMF ends), in order. */
    String digitsReceived() {
        StringBuilder digits = new StringBuilder();
        for (Frame frame : received) {
            if (frame instanceof DtmfFrame digit && digit.phase() == DtmfFrame.Phase.END) {
                digits.append(digit.digit());
            }
        }
        return digits.toString();
    }

    boolean isReleased() {
        return released != null;
    }

    /** Technology for test phones: every requested phone is kept for the test to play. */
    static final class Phones implements ChannelTechnology {
        final List<Phone> phones = new CopyOnWriteArrayList<>();

        @Override
        public String description() {
            return "test phones";
        }

        @Override
        public DriverSide request(String resource, ChannelLink link) {
            Phone phone = new Phone(resource, link);
            phones.add(phone);
            return phone;
        }

        Phone inbound(String resource, ChannelLink link) {
            Phone phone = new Phone(resource, link);
            phones.add(phone);
            return phone;
        }

        /** The newest phone requested for {@code resource}. */
        Phone phone(String resource) {
            return phones.stream().filter(phone -> phone.resource.equals(resource)).reduce((a, b) -> b)
                    .orElseThrow(() -> new AssertionError("no phone " + resource));
        }

        /** Every phone requested or calling as {@code resource}, oldest first. */
        List<Phone> all(String resource) {
            return phones.stream().filter(phone -> phone.resource.equals(resource)).toList();
        }

        boolean has(String resource) {
            return phones.stream().anyMatch(phone -> phone.resource.equals(resource));
        }
    }
}
