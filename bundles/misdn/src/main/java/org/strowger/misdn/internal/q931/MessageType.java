package org.strowger.misdn.internal.q931;

/** The Q.931 message types of basic call this codec knows (Q.931 table 4-2). */
public enum MessageType {
    ALERTING(0x01),
    CALL_PROCEEDING(0x02),
    PROGRESS(0x03),
    SETUP(0x05),
    CONNECT(0x07),
    SETUP_ACKNOWLEDGE(0x0D),
    CONNECT_ACKNOWLEDGE(0x0F),
    DISCONNECT(0x45),
    RELEASE(0x4D),
    RELEASE_COMPLETE(0x5A),
    STATUS_ENQUIRY(0x75),
    INFORMATION(0x7B),
    STATUS(0x7D);

    private final int code;

    MessageType(int code) {
        this.code = code;
    }

    /** The message type octet. */
    public int code() {
        return code;
    }

    /** The type for an octet, or null when this codec does not know it. */
    public static MessageType of(int code) {
        for (MessageType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }
}
