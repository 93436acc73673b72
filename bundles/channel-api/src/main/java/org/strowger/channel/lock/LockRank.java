package org.strowger.channel.lock;

/**
 * The ranks of the platform's locks, in the only order they may be taken: a thread holding a
 * lock may take one of a later rank, never of an earlier one.
 */
public enum LockRank {
    /** The channel container (name and id index). */
    CONTAINER,
    /** A bridge: taken before the channels it holds. */
    BRIDGE,
    /** A channel. Two channels are taken together only through the core's lock-both helper. */
    CHANNEL,
    /** A driver's private state of one channel (Asterisk's tech_pvt lock). */
    PVT
}
