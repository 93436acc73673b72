package org.strowger.channel.core.lock;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.strowger.channel.lock.LockOrderViolationException;
import org.strowger.channel.lock.LockRank;
import org.strowger.channel.lock.LockStatistics;

/**
 * Checks every lock acquisition on every thread against the platform's lock order, the way
 * Linux's lockdep does: a lock of an earlier rank taken while holding a later one is an
 * inversion; a new "taken while holding" pair of lock classes that closes a cycle with pairs
 * seen before (on any thread, at any time) is a potential deadlock. Both are found on the
 * first occurrence, whether or not the threads ever met.
 *
 * <p>Strict (tests): a violation throws {@link LockOrderViolationException} and the lock is not
 * taken. Otherwise (production): it is logged with both stacks and counted.
 */
public final class LockOrderValidator {

    private static final Logger LOG = LoggerFactory.getLogger(LockOrderValidator.class);
    private static final StackWalker WALKER = StackWalker.getInstance();

    private final boolean strict;
    private final Map<String, LockClass> classes = new ConcurrentHashMap<>();
    /** "to was taken while holding from", with the stack of the first time it happened. */
    private final Map<LockClass, Map<LockClass, Throwable>> edges = new ConcurrentHashMap<>();
    private final AtomicLong edgeCount = new AtomicLong();
    private final LongAdder violations = new LongAdder();
    private final LongAdder refusals = new LongAdder();
    private final AtomicLong nextOrder = new AtomicLong();
    private final ThreadLocal<List<HeldLock>> held = ThreadLocal.withInitial(() -> new ArrayList<>(4));

    public LockOrderValidator(boolean strict) {
        this.strict = strict;
    }

    public boolean isStrict() {
        return strict;
    }

    /** Makes a lock of a class; classes are made on first use. */
    public RankedLock newLock(String className, LockRank rank) {
        LockClass lockClass = classes.computeIfAbsent(className, name -> new LockClass(name, rank));
        if (lockClass.rank() != rank) {
            throw new IllegalArgumentException("lock class " + className + " has rank " + lockClass.rank()
                    + ", not " + rank);
        }
        return new RankedLock(this, lockClass, nextOrder.incrementAndGet());
    }

    /** The first lock of rank CHANNEL or later the calling thread holds, if any. */
    public Optional<HeldLock> heldChannelOrPvtLock() {
        for (HeldLock each : held.get()) {
            if (each.lock().rank().compareTo(LockRank.CHANNEL) >= 0) {
                return Optional.of(each);
            }
        }
        return Optional.empty();
    }

    /** Describes a held lock for an error message: its class, what it guards, where it was taken. */
    public static String describe(HeldLock heldLock, String guarded) {
        return heldLock.lock().lockClass() + " lock of " + guarded + " (taken at " + heldLock.describeSite() + ")";
    }

    /** Counts a core call refused because its caller held a lock. */
    public void countRefusal() {
        refusals.increment();
    }

    public LockStatistics statistics() {
        return new LockStatistics(strict, classes.size(), (int) edgeCount.get(), violations.sum(), refusals.sum());
    }

    void beforeAcquire(RankedLock lock, boolean secondOfPair) {
        List<HeldLock> mine = held.get();
        if (mine.isEmpty() || lock.isHeldByCurrentThread()) {
            return;
        }
        LockClass to = lock.lockClassInfo();
        for (int i = 0; i < mine.size(); i++) {
            HeldLock holding = mine.get(i);
            LockClass from = holding.lock().lockClassInfo();
            if (to.rank().compareTo(from.rank()) < 0) {
                violation("lock order inversion: taking " + to.name() + " (rank " + to.rank() + ") while holding "
                        + from.name() + " (rank " + from.rank() + ", taken at " + holding.describeSite()
                        + "); the order is container -> bridge -> channel -> pvt", holding.site());
                return;
            }
            if (from.equals(to)) {
                if (!secondOfPair) {
                    violation("two " + to.name() + " locks nested without the core's lock-both helper (first taken at "
                            + holding.describeSite() + "); there is no order between two locks of one class",
                            holding.site());
                    return;
                }
                continue;
            }
            recordEdge(from, to);
        }
    }

    void acquired(RankedLock lock, boolean recordSite) {
        Throwable site = null;
        StackWalker.StackFrame caller = null;
        if (recordSite) {
            if (strict) {
                site = new Throwable("lock " + lock.lockClass() + " taken here");
            } else {
                caller = WALKER.walk(frames -> frames
                        .filter(frame -> !HeldLock.isLockMachinery(frame.getClassName()))
                        .findFirst().orElse(null));
            }
        }
        held.get().add(new HeldLock(lock, site, caller));
    }

    void released(RankedLock lock) {
        List<HeldLock> mine = held.get();
        for (int i = mine.size() - 1; i >= 0; i--) {
            if (mine.get(i).lock() == lock) {
                mine.remove(i);
                return;
            }
        }
    }

    private void recordEdge(LockClass from, LockClass to) {
        Map<LockClass, Throwable> targets = edges.computeIfAbsent(from, f -> new ConcurrentHashMap<>());
        if (targets.containsKey(to)) {
            return;
        }
        Throwable firstSeen = new Throwable(to.name() + " first taken while holding " + from.name());
        if (targets.putIfAbsent(to, firstSeen) != null) {
            return;
        }
        edgeCount.incrementAndGet();
        List<LockClass> cycle = pathBetween(to, from);
        if (!cycle.isEmpty()) {
            LockClass next = cycle.size() > 1 ? cycle.get(1) : from;
            Throwable earlier = edges.getOrDefault(to, Map.of()).get(next);
            violation("lock order cycle: " + to.name() + " is now taken while holding " + from.name()
                    + ", but earlier " + String.join(" -> ", cycle.stream().map(LockClass::name).toList())
                    + " was seen; two threads taking these in the two orders can deadlock", earlier);
        }
    }

    /** A path of recorded edges from {@code start} to {@code goal}, or an empty list. */
    private List<LockClass> pathBetween(LockClass start, LockClass goal) {
        Deque<List<LockClass>> frontier = new ArrayDeque<>();
        Set<LockClass> seen = new HashSet<>();
        frontier.add(List.of(start));
        while (!frontier.isEmpty()) {
            List<LockClass> path = frontier.poll();
            LockClass last = path.get(path.size() - 1);
            if (last.equals(goal)) {
                return path;
            }
            if (!seen.add(last)) {
                continue;
            }
            for (LockClass next : edges.getOrDefault(last, Map.of()).keySet()) {
                List<LockClass> longer = new ArrayList<>(path);
                longer.add(next);
                frontier.add(longer);
            }
        }
        return List.of();
    }

    private void violation(String message, Throwable earlierSite) {
        violations.increment();
        LockOrderViolationException violation = new LockOrderViolationException(message, earlierSite);
        if (strict) {
            throw violation;
        }
        LOG.error("Lock-order violation (logged, not enforced; strict mode would refuse it): {}", message, violation);
    }
}
