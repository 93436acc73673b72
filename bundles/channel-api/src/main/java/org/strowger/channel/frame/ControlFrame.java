package org.strowger.channel.frame;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A call-progress indication: ringing, answer, hold, hangup and the like.
 *
 * @param control what is indicated
 */
public record ControlFrame(Control control) implements Frame {

    private static final Map<Control, ControlFrame> SHARED = new EnumMap<>(Control.class);

    static {
        for (Control control : Control.values()) {
            SHARED.put(control, new ControlFrame(control));
        }
    }

    public ControlFrame {
        Objects.requireNonNull(control, "control");
    }

    /** The shared frame for this indication (frames are values, so one is enough). */
    public static ControlFrame of(Control control) {
        return SHARED.get(control);
    }
}
