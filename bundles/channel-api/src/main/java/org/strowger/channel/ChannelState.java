package org.strowger.channel;

/** Where a channel is in its call, with the short labels operators know from Asterisk's console. */
public enum ChannelState {
    /** Allocated, nothing happened yet. */
    DOWN("Down"),
    /** Reserved for a call, not yet used. */
    RESERVED("Rsrvd"),
    /** Off hook, no digits yet. */
    OFFHOOK("OffHook"),
    /** Digits are being sent or received. */
    DIALING("Dialing"),
    /** An inbound call that has not been answered. */
    RING("Ring"),
    /** An outbound call whose far end is alerting. */
    RINGING("Ringing"),
    /** Answered. */
    UP("Up"),
    /** The far end is busy. */
    BUSY("Busy");

    private final String label;

    ChannelState(String label) {
        this.label = label;
    }

    /** The console label, for example {@code Ringing}. */
    public String label() {
        return label;
    }
}
