package org.strowger.channel.lock;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A reentrant lock made by the channel core with a rank; every acquisition passes the
 * lock-order validator. Drivers get their pvt locks from
 * {@link org.strowger.channel.ChannelService#newPvtLock}.
 *
 * <pre>{@code
 * try (ChannelLock.Held held = pvtLock.acquire()) {
 *     // copy what the call needs
 * }
 * channels.masquerade(original, clone);   // never with a channel or pvt lock held
 * }</pre>
 */
@ProviderType
public interface ChannelLock {

    /** The lock's class as the validator knows it, for example {@code PVT:SIP}. */
    String lockClass();

    LockRank rank();

    /** Takes the lock, waiting as long as needed. */
    void lock();

    /** Takes the lock if it is free now. */
    boolean tryLock();

    void unlock();

    boolean isHeldByCurrentThread();

    /** Takes the lock for a try-with-resources block. */
    default Held acquire() {
        lock();
        return this::unlock;
    }

    /** A held lock, released by {@link #close()}. */
    @FunctionalInterface
    interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
