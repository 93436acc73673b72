package org.strowger.sip.internal.rtp;

/**
 * The fields of one received RTP packet, read in place from the receive buffer. One instance per
 * IO thread is reused for every packet, so reading a packet allocates nothing.
 */
final class RtpHeaderView {

    static final int FIXED_HEADER_LENGTH = 12;

    boolean marker;
    int payloadType;
    int sequence;
    long timestamp;
    long ssrc;
    int csrcCount;
    boolean hasExtension;
    int extensionProfile;
    /** Offset and length in bytes of the extension's data, after its 4-byte header. */
    int extensionOffset;
    int extensionLength;
    int paddingLength;
    int payloadOffset;
    int payloadLength;

    /** Why the last {@link #read} failed; a constant, so failing allocates nothing either. */
    String problem;

    /**
     * Reads the header of {@code length} bytes of {@code data}.
     *
     * @return false, with {@link #problem} set, when it is not a well-formed RTP version 2 packet
     */
    boolean read(byte[] data, int length) {
        problem = null;
        if (length < FIXED_HEADER_LENGTH) {
            return fail("shorter than the 12-byte RTP header");
        }
        int first = data[0] & 0xFF;
        if ((first >> 6) != 2) {
            return fail("RTP version is not 2");
        }
        boolean padded = (first & 0x20) != 0;
        hasExtension = (first & 0x10) != 0;
        csrcCount = first & 0x0F;
        int second = data[1] & 0xFF;
        marker = (second & 0x80) != 0;
        payloadType = second & 0x7F;
        sequence = readUnsignedShort(data, 2);
        timestamp = readUnsignedInt(data, 4);
        ssrc = readUnsignedInt(data, 8);
        int offset = FIXED_HEADER_LENGTH + 4 * csrcCount;
        if (offset > length) {
            return fail("CSRC list runs past the end of the packet");
        }
        extensionProfile = 0;
        extensionOffset = 0;
        extensionLength = 0;
        if (hasExtension) {
            if (offset + 4 > length) {
                return fail("extension header runs past the end of the packet");
            }
            extensionProfile = readUnsignedShort(data, offset);
            extensionLength = 4 * readUnsignedShort(data, offset + 2);
            extensionOffset = offset + 4;
            offset = extensionOffset + extensionLength;
            if (offset > length) {
                return fail("extension runs past the end of the packet");
            }
        }
        paddingLength = 0;
        if (padded) {
            paddingLength = data[length - 1] & 0xFF;
            if (paddingLength == 0 || offset + paddingLength > length) {
                return fail("padding length does not fit the packet");
            }
        }
        payloadOffset = offset;
        payloadLength = length - offset - paddingLength;
        return true;
    }

    private boolean fail(String why) {
        problem = why;
        return false;
    }

    static int readUnsignedShort(byte[] data, int offset) {
        return ((data[offset] & 0xFF) << 8) | (data[offset + 1] & 0xFF);
    }

    static long readUnsignedInt(byte[] data, int offset) {
        return ((long) (data[offset] & 0xFF) << 24) | ((data[offset + 1] & 0xFF) << 16)
                | ((data[offset + 2] & 0xFF) << 8) | (data[offset + 3] & 0xFF);
    }
}
