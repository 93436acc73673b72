package org.strowger.sip.internal.rtp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.strowger.channel.frame.Codec;
import org.strowger.channel.frame.VoiceFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sending half of a session: its SSRC, sequence numbers and timestamp clock, and one packet
 * buffer reused for every packet. Any thread may send; the object's monitor serialises them (it
 * is held only while a packet is built and handed to the non-blocking socket).
 *
 * <p>Timestamps come from our own clock, advanced by each frame's samples, never from the frame:
 * frames relayed from another leg keep one continuous stream whatever that leg's numbering. When
 * sending pauses for longer than a frame plus {@link #TALK_SPURT_GAP_NANOS} (silence suppression
 * upstream, a hold) the clock jumps by the pause and the next packet carries the marker bit, as
 * it does on the very first packet.
 */
final class RtpSender {

    private static final Logger LOG = LoggerFactory.getLogger(RtpSender.class);

    /** An Ethernet MTU less the IP and UDP headers. */
    static final int MAX_PACKET = 1472;
    static final int MAX_SAMPLES = MAX_PACKET - RtpHeaderView.FIXED_HEADER_LENGTH;
    /** Longer than usual network jitter, so relayed audio does not get spurious markers. */
    static final long TALK_SPURT_GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** One 20 ms frame: the duration the first packet of an event reports, as is usual. */
    static final int EVENT_BEGIN_DURATION = 160;
    /** RFC 4733 section 2.5.1.4: send the end packet three times for robustness. */
    static final int EVENT_END_PACKETS = 3;

    private final DatagramChannel channel;
    private final RtpCounters counters;
    private final LongSupplier nanoClock;
    private final long ssrc;
    private final byte[] packet = new byte[MAX_PACKET];
    private final ByteBuffer packetView = ByteBuffer.wrap(packet);

    // all below guarded by this
    private int sequence;
    private long nextTimestamp;
    private boolean started;
    private long lastSendNanos;
    private int lastSamples;
    private int eventCode = -1;
    private long eventTimestamp;
    private long eventStartNanos;
    private boolean oversizeLogged;

    RtpSender(DatagramChannel channel, RtpCounters counters, LongSupplier nanoClock, long ssrc, int firstSequence,
              long firstTimestamp) {
        this.channel = channel;
        this.counters = counters;
        this.nanoClock = nanoClock;
        this.ssrc = ssrc & 0xFFFFFFFFL;
        this.sequence = firstSequence & 0xFFFF;
        this.nextTimestamp = firstTimestamp & 0xFFFFFFFFL;
    }

    long ssrc() {
        return ssrc;
    }

    synchronized void sendVoice(VoiceFrame frame, MediaFormat format, InetSocketAddress to) {
        int samples = frame.samples();
        if (samples == 0) {
            return;
        }
        if (samples > MAX_SAMPLES) {
            if (!oversizeLogged) {
                oversizeLogged = true;
                LOG.debug("dropping {}: more than {} samples do not fit one RTP packet", frame, MAX_SAMPLES);
            }
            counters.dropped();
            return;
        }
        long now = nanoClock.getAsLong();
        boolean marker = startSpurtIfPaused(now);
        long timestamp = nextTimestamp;
        nextTimestamp += samples;
        lastSendNanos = now;
        lastSamples = samples;
        int headerLength = RtpPacket.writeHeader(packet, marker, format.payloadType(), nextSequence(), timestamp,
                ssrc);
        int payloadLength = G711PayloadWriter.write(frame, format.codec(), packet, headerLength);
        transmit(headerLength + payloadLength, to);
    }

    /** Starts an event: one packet with the marker bit, on the current point of our clock. */
    synchronized void sendDigitBegin(int code, MediaFormat format, InetSocketAddress to) {
        long now = nanoClock.getAsLong();
        if (eventCode >= 0) {
            endEvent(elapsedSamples(now), format, to);
        }
        startSpurtIfPaused(now);
        eventCode = code;
        eventTimestamp = nextTimestamp;
        eventStartNanos = now;
        lastSendNanos = now;
        lastSamples = 0;
        sendEventPacket(true, false, EVENT_BEGIN_DURATION, format, to);
    }

    /** Ends an event with three end packets; begins it first if its begin was never sent. */
    synchronized void sendDigitEnd(int code, int durationSamples, MediaFormat format, InetSocketAddress to) {
        if (eventCode != code) {
            sendDigitBegin(code, format, to);
        }
        endEvent(durationSamples, format, to);
    }

    private void endEvent(long durationSamples, MediaFormat format, InetSocketAddress to) {
        int duration = (int) Math.max(0, Math.min(0xFFFF, durationSamples));
        for (int i = 0; i < EVENT_END_PACKETS; i++) {
            sendEventPacket(false, true, duration, format, to);
        }
        // audio after the digit must not reuse timestamps the digit covered
        nextTimestamp = Math.max(nextTimestamp, eventTimestamp + duration);
        eventCode = -1;
        lastSendNanos = nanoClock.getAsLong();
    }

    private void sendEventPacket(boolean marker, boolean end, int duration, MediaFormat format,
                                 InetSocketAddress to) {
        int headerLength = RtpPacket.writeHeader(packet, marker, format.telephoneEventPayloadType(), nextSequence(),
                eventTimestamp, ssrc);
        int payloadLength = TelephoneEvent.write(packet, headerLength, eventCode, end, duration);
        transmit(headerLength + payloadLength, to);
    }

    /** On the first packet, or after a pause: advance the clock by the pause and ask for a marker. */
    private boolean startSpurtIfPaused(long now) {
        if (!started) {
            started = true;
            return true;
        }
        long pause = now - lastSendNanos - samplesToNanos(lastSamples);
        if (pause > TALK_SPURT_GAP_NANOS) {
            nextTimestamp += nanosToSamples(pause);
            return true;
        }
        return false;
    }

    private long elapsedSamples(long now) {
        return nanosToSamples(now - eventStartNanos);
    }

    private int nextSequence() {
        int current = sequence;
        sequence = (sequence + 1) & 0xFFFF;
        return current;
    }

    private void transmit(int length, InetSocketAddress to) {
        packetView.clear().limit(length);
        try {
            if (channel.send(packetView, to) > 0) {
                counters.sent();
            } else {
                counters.dropped(); // socket buffer full: real-time audio is not worth waiting for
            }
        } catch (IOException e) {
            counters.dropped();
            LOG.debug("RTP send to {} failed: {}", to, e.toString());
        }
    }

    private static long samplesToNanos(long samples) {
        return samples * 1_000_000_000L / Codec.SAMPLE_RATE;
    }

    private static long nanosToSamples(long nanos) {
        return nanos * Codec.SAMPLE_RATE / 1_000_000_000L;
    }
}
