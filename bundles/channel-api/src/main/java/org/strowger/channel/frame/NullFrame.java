package org.strowger.channel.frame;

/** A frame that carries nothing: wakes a reader without giving it anything to do. */
public enum NullFrame implements Frame {
    INSTANCE
}
