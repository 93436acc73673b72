package org.strowger.channel.core.lock;

/**
 * The lock-both helper: two locks of one class taken in a fixed global order (the order they
 * were made), so two threads locking the same pair never wait on each other crosswise.
 */
public final class LockPair {

    private LockPair() {
    }

    public static void lockBoth(RankedLock a, RankedLock b) {
        if (a == b) {
            a.lockInternal();
            return;
        }
        RankedLock first = a.order() < b.order() ? a : b;
        RankedLock second = first == a ? b : a;
        first.lockInternal();
        try {
            second.lockAsSecondOfPair();
        } catch (RuntimeException e) {
            first.unlock();
            throw e;
        }
    }

    public static void unlockBoth(RankedLock a, RankedLock b) {
        if (a == b) {
            a.unlock();
            return;
        }
        b.unlock();
        a.unlock();
    }
}
