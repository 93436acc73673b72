package org.strowger.sip.internal.rtp;

import java.util.Arrays;

/**
 * An RTP packet as a value (RFC 3550 section 5.1), for building and checking packets outside the
 * hot paths: {@link #encode} and {@link #decode} cover CSRCs, header extension and padding. The
 * media paths use {@link #writeHeader} and {@link RtpHeaderView} instead, which allocate nothing.
 */
final class RtpPacket {

    private static final long[] NO_CSRCS = new long[0];

    private final boolean marker;
    private final int payloadType;
    private final int sequence;
    private final long timestamp;
    private final long ssrc;
    private final long[] csrcs;
    private final int extensionProfile;
    private final byte[] extension;
    private final int paddingLength;
    private final byte[] payload;

    RtpPacket(boolean marker, int payloadType, int sequence, long timestamp, long ssrc, byte[] payload) {
        this(marker, payloadType, sequence, timestamp, ssrc, NO_CSRCS, 0, null, 0, payload);
    }

    private RtpPacket(boolean marker, int payloadType, int sequence, long timestamp, long ssrc, long[] csrcs,
                      int extensionProfile, byte[] extension, int paddingLength, byte[] payload) {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type " + payloadType + " is not in 0-127");
        }
        if (csrcs.length > 15) {
            throw new IllegalArgumentException("at most 15 CSRCs, got " + csrcs.length);
        }
        if (extension != null && (extension.length % 4 != 0 || extension.length > 4 * 0xFFFF)) {
            throw new IllegalArgumentException("extension data must be whole 32-bit words");
        }
        if (paddingLength < 0 || paddingLength > 255) {
            throw new IllegalArgumentException("padding must be 0-255 bytes");
        }
        this.marker = marker;
        this.payloadType = payloadType;
        this.sequence = sequence & 0xFFFF;
        this.timestamp = timestamp & 0xFFFFFFFFL;
        this.ssrc = ssrc & 0xFFFFFFFFL;
        this.csrcs = csrcs.clone();
        this.extensionProfile = extensionProfile & 0xFFFF;
        this.extension = extension == null ? null : extension.clone();
        this.paddingLength = paddingLength;
        this.payload = payload.clone();
    }

    RtpPacket withCsrcs(long... newCsrcs) {
        return new RtpPacket(marker, payloadType, sequence, timestamp, ssrc, newCsrcs, extensionProfile, extension,
                paddingLength, payload);
    }

    RtpPacket withExtension(int profile, byte[] data) {
        return new RtpPacket(marker, payloadType, sequence, timestamp, ssrc, csrcs, profile, data, paddingLength,
                payload);
    }

    /** Padding bytes to append (the last of them holds the count), 0 for none. */
    RtpPacket withPadding(int length) {
        return new RtpPacket(marker, payloadType, sequence, timestamp, ssrc, csrcs, extensionProfile, extension,
                length, payload);
    }

    /**
     * Writes the 12-byte fixed header (version 2, no padding, extension or CSRCs) at the start of
     * {@code buffer}.
     *
     * @return the header length, where the payload goes
     */
    static int writeHeader(byte[] buffer, boolean marker, int payloadType, int sequence, long timestamp, long ssrc) {
        buffer[0] = (byte) 0x80;
        buffer[1] = (byte) ((marker ? 0x80 : 0) | (payloadType & 0x7F));
        writeShort(buffer, 2, sequence);
        writeInt(buffer, 4, timestamp);
        writeInt(buffer, 8, ssrc);
        return RtpHeaderView.FIXED_HEADER_LENGTH;
    }

    byte[] encode() {
        int extensionBytes = extension == null ? 0 : 4 + extension.length;
        int headerLength = RtpHeaderView.FIXED_HEADER_LENGTH + 4 * csrcs.length + extensionBytes;
        byte[] out = new byte[headerLength + payload.length + paddingLength];
        writeHeader(out, marker, payloadType, sequence, timestamp, ssrc);
        out[0] |= (byte) ((paddingLength > 0 ? 0x20 : 0) | (extension != null ? 0x10 : 0) | csrcs.length);
        int offset = RtpHeaderView.FIXED_HEADER_LENGTH;
        for (long csrc : csrcs) {
            writeInt(out, offset, csrc);
            offset += 4;
        }
        if (extension != null) {
            writeShort(out, offset, extensionProfile);
            writeShort(out, offset + 2, extension.length / 4);
            System.arraycopy(extension, 0, out, offset + 4, extension.length);
            offset += extensionBytes;
        }
        System.arraycopy(payload, 0, out, offset, payload.length);
        if (paddingLength > 0) {
            out[out.length - 1] = (byte) paddingLength;
        }
        return out;
    }

    /** @throws IllegalArgumentException naming the problem when the bytes are not valid RTP */
    static RtpPacket decode(byte[] data, int length) {
        RtpHeaderView header = new RtpHeaderView();
        if (!header.read(data, length)) {
            throw new IllegalArgumentException("not an RTP packet: " + header.problem);
        }
        long[] csrcs = new long[header.csrcCount];
        for (int i = 0; i < csrcs.length; i++) {
            csrcs[i] = RtpHeaderView.readUnsignedInt(data, RtpHeaderView.FIXED_HEADER_LENGTH + 4 * i);
        }
        byte[] extension = header.hasExtension
                ? Arrays.copyOfRange(data, header.extensionOffset, header.extensionOffset + header.extensionLength)
                : null;
        byte[] payload = Arrays.copyOfRange(data, header.payloadOffset, header.payloadOffset + header.payloadLength);
        return new RtpPacket(header.marker, header.payloadType, header.sequence, header.timestamp, header.ssrc,
                csrcs, header.extensionProfile, extension, header.paddingLength, payload);
    }

    boolean marker() {
        return marker;
    }

    int payloadType() {
        return payloadType;
    }

    int sequence() {
        return sequence;
    }

    long timestamp() {
        return timestamp;
    }

    long ssrc() {
        return ssrc;
    }

    long[] csrcs() {
        return csrcs.clone();
    }

    int extensionProfile() {
        return extensionProfile;
    }

    /** The extension's data without its 4-byte header, or {@code null} when there is none. */
    byte[] extension() {
        return extension == null ? null : extension.clone();
    }

    int paddingLength() {
        return paddingLength;
    }

    byte[] payload() {
        return payload.clone();
    }

    @Override
    public String toString() {
        return "RTP[pt=" + payloadType + " seq=" + sequence + " ts=" + timestamp + (marker ? " M" : "")
                + " ssrc=" + Long.toHexString(ssrc) + " " + payload.length + " bytes]";
    }

    private static void writeShort(byte[] buffer, int offset, int value) {
        buffer[offset] = (byte) (value >> 8);
        buffer[offset + 1] = (byte) value;
    }

    private static void writeInt(byte[] buffer, int offset, long value) {
        buffer[offset] = (byte) (value >> 24);
        buffer[offset + 1] = (byte) (value >> 16);
        buffer[offset + 2] = (byte) (value >> 8);
        buffer[offset + 3] = (byte) value;
    }
}
