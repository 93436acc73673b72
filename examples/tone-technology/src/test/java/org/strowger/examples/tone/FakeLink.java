package org.strowger.examples.tone;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;

import org.strowger.channel.Channel;
import org.strowger.channel.ChannelLink;
import org.strowger.channel.ChannelState;
import org.strowger.channel.HangupCause;
import org.strowger.channel.frame.Codec;
import org.strowger.channel.frame.Frame;
import org.strowger.channel.lock.ChannelLock;
import org.strowger.channel.lock.LockRank;

/**
 * A core handle that records what the driver reports, and checks the rule of
 * {@link ChannelLink}: nothing is reported while the driver holds its pvt lock.
 */
final class FakeLink implements ChannelLink {

    final List<Frame> frames = new CopyOnWriteArrayList<>();
    final List<ChannelState> states = new CopyOnWriteArrayList<>();
    final List<String> violations = new CopyOnWriteArrayList<>();
    volatile List<Codec> formats = List.of();
    volatile HangupCause farEndHangup;

    private final ReentrantLock lock = new ReentrantLock();
    private final ChannelLock pvtLock = new ChannelLock() {
        @Override
        public String lockClass() {
            return "PVT:Tone";
        }

        @Override
        public LockRank rank() {
            return LockRank.PVT;
        }

        @Override
        public void lock() {
            lock.lock();
        }

        @Override
        public boolean tryLock() {
            return lock.tryLock();
        }

        @Override
        public void unlock() {
            lock.unlock();
        }

        @Override
        public boolean isHeldByCurrentThread() {
            return lock.isHeldByCurrentThread();
        }
    };

    @Override
    public Channel owner() {
        throw new UnsupportedOperationException("the Tone driver never needs its owner");
    }

    @Override
    public ChannelLock pvtLock() {
        return pvtLock;
    }

    @Override
    public void queueFrame(Frame frame) {
        checkNoLock("queueFrame");
        frames.add(frame);
    }

    @Override
    public void setState(ChannelState state) {
        checkNoLock("setState");
        states.add(state);
    }

    @Override
    public void setFormats(List<Codec> formats) {
        checkNoLock("setFormats");
        this.formats = new ArrayList<>(formats);
    }

    @Override
    public void farEndHangup(HangupCause cause) {
        checkNoLock("farEndHangup");
        farEndHangup = cause;
    }

    private void checkNoLock(String what) {
        if (lock.isHeldByCurrentThread()) {
            violations.add(what + " called under the pvt lock");
        }
    }
}
