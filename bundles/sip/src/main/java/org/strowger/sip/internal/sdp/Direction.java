package org.strowger.sip.internal.sdp;

import java.util.Locale;
import java.util.Optional;

/** A media stream's direction attribute, always from the point of view of the side that wrote it. */
public enum Direction {
    SENDRECV(true, true),
    SENDONLY(true, false),
    RECVONLY(false, true),
    INACTIVE(false, false);

    private final boolean sends;
    private final boolean receives;

    Direction(boolean sends, boolean receives) {
        this.sends = sends;
        this.receives = receives;
    }

    public static Direction of(boolean sends, boolean receives) {
        if (sends) {
            return receives ? SENDRECV : SENDONLY;
        }
        return receives ? RECVONLY : INACTIVE;
    }

    /** The direction named by an attribute such as {@code sendonly}; empty for any other attribute. */
    public static Optional<Direction> fromAttribute(String attribute) {
        for (Direction direction : values()) {
            if (direction.attribute().equalsIgnoreCase(attribute)) {
                return Optional.of(direction);
            }
        }
        return Optional.empty();
    }

    /** The attribute name: {@code sendrecv}, {@code sendonly}, {@code recvonly} or {@code inactive}. */
    public String attribute() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean sends() {
        return sends;
    }

    public boolean receives() {
        return receives;
    }

    /** The same stream seen from the other end: what one side sends, the other receives. */
    public Direction mirror() {
        return of(receives, sends);
    }

    /** Only what both this and {@code limit} allow (a hold limits sendrecv to sendonly, say). */
    public Direction restrictTo(Direction limit) {
        return of(sends && limit.sends, receives && limit.receives);
    }
}
