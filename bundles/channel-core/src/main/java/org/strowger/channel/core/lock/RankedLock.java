package org.strowger.channel.core.lock;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.strowger.channel.lock.ChannelLock;
import org.strowger.channel.lock.LockRank;

/** A reentrant lock with a rank and a class, whose every acquisition the validator checks. */
public final class RankedLock implements ChannelLock {

    private final ReentrantLock lock = new ReentrantLock();
    private final LockOrderValidator validator;
    private final LockClass lockClass;
    private final long order;

    RankedLock(LockOrderValidator validator, LockClass lockClass, long order) {
        this.validator = validator;
        this.lockClass = lockClass;
        this.order = order;
    }

    LockClass lockClassInfo() {
        return lockClass;
    }

    /** Tie-break among locks of one class: the lock-both helper takes the lower first. */
    public long order() {
        return order;
    }

    @Override
    public String lockClass() {
        return lockClass.name();
    }

    @Override
    public LockRank rank() {
        return lockClass.rank();
    }

    /** An acquisition from outside the core: the site is recorded for error messages. */
    @Override
    public void lock() {
        validator.beforeAcquire(this, false);
        lock.lock();
        recordOrRelease(true);
    }

    @Override
    public boolean tryLock() {
        validator.beforeAcquire(this, false);
        if (!lock.tryLock()) {
            return false;
        }
        recordOrRelease(true);
        return true;
    }

    /** Records the acquisition; if the bookkeeping fails, the lock is given back rather than leaked. */
    private void recordOrRelease(boolean recordSite) {
        try {
            validator.acquired(this, recordSite);
        } catch (RuntimeException | Error e) {
            lock.unlock();
            throw e;
        }
    }

    @Override
    public void unlock() {
        validator.released(this);
        lock.unlock();
    }

    @Override
    public boolean isHeldByCurrentThread() {
        return lock.isHeldByCurrentThread();
    }

    /** The core's own acquisition: checked like any other, but no site is recorded (hot path). */
    public void lockInternal() {
        validator.beforeAcquire(this, false);
        lock.lock();
        recordOrRelease(false);
    }

    /** The second lock of a lock-both pair: a same-class acquisition allowed by the fixed order. */
    void lockAsSecondOfPair() {
        validator.beforeAcquire(this, true);
        lock.lock();
        recordOrRelease(false);
    }

    /** A condition of the underlying lock, for threads waiting on the state this lock guards. */
    public Condition newCondition() {
        return lock.newCondition();
    }

    @Override
    public String toString() {
        return lockClass.name() + "#" + order;
    }
}
