package org.strowger.channel.lock;

/**
 * What the lock-order validator has seen since the core started.
 *
 * @param strict whether violations throw (tests) rather than only log (production)
 * @param lockClasses distinct lock classes seen
 * @param orderEdges distinct "taken while holding" pairs of lock classes seen
 * @param violations inversions and cycles found
 * @param refusedCoreCalls masquerade, rename and hangup calls refused because a lock was held
 */
public record LockStatistics(boolean strict, int lockClasses, int orderEdges, long violations,
        long refusedCoreCalls) {
}
