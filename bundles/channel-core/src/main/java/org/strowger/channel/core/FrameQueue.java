package org.strowger.channel.core;

import java.util.ArrayDeque;
import java.util.Iterator;

import org.strowger.channel.frame.Frame;
import org.strowger.channel.frame.VoiceFrame;

/**
 * The frames a channel's driver queued and nobody has read yet. Bounded: a channel that is
 * never read (parked in an application that ignores audio) drops its oldest voice first, and
 * keeps signalling (DTMF, control) as long as it can. Guarded by the channel lock.
 */
final class FrameQueue {

    static final int CAPACITY = 256;

    private final ArrayDeque<Frame> frames = new ArrayDeque<>();
    private long dropped;

    void add(Frame frame) {
        if (frames.size() >= CAPACITY) {
            dropOldest();
        }
        frames.addLast(frame);
    }

    Frame poll() {
        return frames.pollFirst();
    }

    int size() {
        return frames.size();
    }

    long dropped() {
        return dropped;
    }

    /** Appends {@code later}'s frames after this queue's own, keeping both orders (masquerade merge). */
    void appendAll(FrameQueue later) {
        if (later == null) {
            return;
        }
        frames.addAll(later.frames);
        later.frames.clear();
        while (frames.size() > CAPACITY) {
            dropOldest();
        }
    }

    private void dropOldest() {
        dropped++;
        for (Iterator<Frame> it = frames.iterator(); it.hasNext();) {
            if (it.next() instanceof VoiceFrame) {
                it.remove();
                return;
            }
        }
        frames.pollFirst();
    }
}
