package org.strowger.channel.frame;

/**
 * One unit that flows through a channel: drivers queue received frames into the core, the core
 * and bridges write frames to drivers. Frames are immutable values.
 */
public sealed interface Frame permits VoiceFrame, DtmfFrame, ControlFrame, NullFrame {
}
