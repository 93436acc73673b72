package org.strowger.sip.internal.rtp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.strowger.channel.frame.Codec;
import org.strowger.channel.frame.VoiceFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RTP stream of one call leg: one even UDP port, served by one IO thread of its
 * {@link RtpEngine}. Received audio and digits go to the {@link RtpReceiver} on that IO thread;
 * the send methods may be called from any thread and never block.
 *
 * <p>Symmetric RTP: the first valid packet of a negotiated payload type fixes where we send
 * (the peer's real address behind NAT), until {@link #setRemote} gives a new SDP address.
 */
public final class RtpSession {

    private static final Logger LOG = LoggerFactory.getLogger(RtpSession.class);

    /** Log the first few bad packets of a session; after that they are only counted. */
    private static final int BAD_PACKETS_LOGGED = 3;

    private final DatagramChannel channel;
    private final InetSocketAddress localAddress;
    private final RtpReceiver receiver;
    private final RtpIoLoop loop;
    private final RtpCounters counters;
    private final RtpSender sender;
    private final Consumer<RtpSession> onClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    private volatile MediaFormat format;
    private volatile InetSocketAddress remote;
    private volatile InetSocketAddress latched;
    private volatile boolean sending = true;

    // IO thread only
    private final SequenceTracker sequences = new SequenceTracker();
    private final TelephoneEventDetector events = new TelephoneEventDetector();
    private int badPacketsLogged;
    private boolean receiverFailureLogged;

    RtpSession(DatagramChannel channel, InetSocketAddress localAddress, RtpReceiver receiver, RtpIoLoop loop,
               RtpCounters counters, RtpSender sender, Consumer<RtpSession> onClose) {
        this.channel = channel;
        this.localAddress = localAddress;
        this.receiver = receiver;
        this.loop = loop;
        this.counters = counters;
        this.sender = sender;
        this.onClose = onClose;
    }

    /** The RTP port to announce in SDP. */
    public int localPort() {
        return localAddress.getPort();
    }

    /** Where the peer's SDP says to send; forgets any address latched from earlier packets. */
    public void setRemote(InetSocketAddress address) {
        this.remote = Objects.requireNonNull(address, "address");
        this.latched = null;
    }

    /**
     * Sets the negotiated codec and payload types (again after a re-INVITE). Until this is called
     * nothing is sent and every received packet is dropped.
     *
     * @param codec ULAW or ALAW
     * @param telephoneEventPayloadType -1 when the peer has no RFC 4733
     */
    public void configure(Codec codec, int payloadType, int telephoneEventPayloadType) {
        this.format = new MediaFormat(codec, payloadType, telephoneEventPayloadType);
    }

    /** False while the peer does not listen (hold, inactive): outgoing audio and digits are dropped. */
    public void setSending(boolean enabled) {
        this.sending = enabled;
    }

    /**
     * Sends a frame, transcoded to the session's codec when it is in another one. Thread-safe and
     * non-blocking: a frame the socket cannot take right away is dropped.
     */
    public void sendVoice(VoiceFrame frame) {
        MediaFormat current = format;
        InetSocketAddress to = destination();
        if (current == null || to == null || !sending || closed.get()) {
            return;
        }
        sender.sendVoice(frame, current, to);
    }

    /**
     * Starts an RFC 4733 digit ({@code 0-9 * # A-D}); dropped when the peer negotiated no
     * telephone-event.
     */
    public void sendDigitBegin(char digit) {
        int code = TelephoneEvent.code(digit);
        MediaFormat current = format;
        InetSocketAddress to = destination();
        if (current == null || !current.hasTelephoneEvent() || to == null || !sending || closed.get()) {
            return;
        }
        sender.sendDigitBegin(code, current, to);
    }

    /** Ends an RFC 4733 digit: three end packets carrying its duration (a begin first if none was sent). */
    public void sendDigitEnd(char digit, Duration duration) {
        int code = TelephoneEvent.code(digit);
        MediaFormat current = format;
        InetSocketAddress to = destination();
        if (current == null || !current.hasTelephoneEvent() || to == null || !sending || closed.get()) {
            return;
        }
        long samples = duration.toMillis() * Codec.SAMPLE_RATE / 1000;
        sender.sendDigitEnd(code, (int) Math.min(samples, 0xFFFF), current, to);
    }

    /** Closes the socket and gives the port back to the engine. Idempotent. */
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing RTP socket {} failed", localAddress, e);
        }
        loop.wakeup();
        onClose.accept(this);
        LOG.debug("closed RTP session {} {}", describe(), stats());
    }

    public boolean isClosed() {
        return closed.get();
    }

    public RtpSessionStats stats() {
        return counters.snapshot();
    }

    /** Where we send now: the latched source address if any, else the SDP address. */
    public InetSocketAddress remoteAddress() {
        InetSocketAddress current = latched;
        return current != null ? current : remote;
    }

    /** Codec and both ends, like {@code PCMU 127.0.0.1:10000 <-> 127.0.0.1:6000}. */
    public String describe() {
        MediaFormat current = format;
        InetSocketAddress peer = remoteAddress();
        return (current == null ? "unconfigured" : current.encodingName()) + " " + text(localAddress) + " <-> "
                + (peer == null ? "?" : text(peer));
    }

    @Override
    public String toString() {
        return "RtpSession[" + describe() + "]";
    }

    /** Handles one datagram; IO thread only. {@code data} is reused after this returns. */
    void onDatagram(byte[] data, int length, InetSocketAddress source, RtpHeaderView header) {
        if (closed.get()) {
            return;
        }
        if (!header.read(data, length)) {
            drop(source, header.problem, "");
            return;
        }
        MediaFormat current = format;
        if (current == null) {
            drop(source, "session not configured yet", "");
            return;
        }
        boolean voice = header.payloadType == current.payloadType();
        boolean event = current.hasTelephoneEvent() && header.payloadType == current.telephoneEventPayloadType();
        if (!voice && !event) {
            drop(source, "payload type not negotiated:", header.payloadType);
            return;
        }
        if (voice ? header.payloadLength == 0 : header.payloadLength < TelephoneEvent.PAYLOAD_LENGTH) {
            drop(source, "payload too short for type", header.payloadType);
            return;
        }
        switch (sequences.accept(header.ssrc, header.sequence)) {
            case LATE_OR_DUPLICATE:
                counters.lateOrDuplicate();
                return;
            case GAP:
                counters.lost(sequences.lastGap());
                break;
            default:
                break;
        }
        counters.received();
        latch(source);
        try {
            if (voice) {
                deliverVoice(data, header, current.codec());
            } else {
                events.onEvent(header.timestamp, TelephoneEvent.code(data, header.payloadOffset),
                        TelephoneEvent.isEnd(data, header.payloadOffset),
                        TelephoneEvent.duration(data, header.payloadOffset), receiver);
            }
        } catch (RuntimeException e) {
            if (!receiverFailureLogged) {
                receiverFailureLogged = true;
                LOG.warn("RTP receiver of {} failed (further failures logged at debug)", describe(), e);
            } else {
                LOG.debug("RTP receiver of {} failed", describe(), e);
            }
        }
    }

    /** A datagram too large to be our RTP; IO thread only. */
    void dropOversized() {
        counters.dropped();
    }

    private void deliverVoice(byte[] data, RtpHeaderView header, Codec codec) {
        byte[] payload = Arrays.copyOfRange(data, header.payloadOffset, header.payloadOffset + header.payloadLength);
        int samples = payload.length / codec.bytesPerSample();
        receiver.voice(new VoiceFrame(codec, payload, samples, header.timestamp));
    }

    private void latch(InetSocketAddress source) {
        if (latched != null) {
            return;
        }
        latched = source;
        InetSocketAddress announced = remote;
        if (announced != null && !source.equals(announced)) {
            LOG.debug("RTP {}: peer sends from {}, not the SDP address {}; sending there", text(localAddress),
                    text(source), text(announced));
        }
    }

    /** Counts a dropped packet; logs the first few (the detail keeps the common path free of string building). */
    private void drop(InetSocketAddress source, String why, Object detail) {
        counters.dropped();
        if (badPacketsLogged < BAD_PACKETS_LOGGED && LOG.isDebugEnabled()) {
            badPacketsLogged++;
            LOG.debug("RTP {}: dropped a packet from {}: {} {}", text(localAddress), text(source), why, detail);
        }
    }

    /** Null when there is nowhere sensible to send (no SDP yet, or the 0.0.0.0 hold address). */
    private InetSocketAddress destination() {
        InetSocketAddress to = remoteAddress();
        if (to == null || to.isUnresolved() || to.getPort() == 0 || to.getAddress().isAnyLocalAddress()) {
            return null;
        }
        return to;
    }

    private static String text(InetSocketAddress address) {
        String host = address.isUnresolved() ? address.getHostString() : address.getAddress().getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
