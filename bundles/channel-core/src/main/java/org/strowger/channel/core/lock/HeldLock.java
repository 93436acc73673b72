package org.strowger.channel.core.lock;

/**
 * A lock a thread holds, with where it was taken: a full stack in strict mode, the calling
 * frame otherwise, nothing for the core's own internal acquisitions.
 */
public record HeldLock(RankedLock lock, Throwable site, StackWalker.StackFrame caller) {

    public String describeSite() {
        if (site != null) {
            StackTraceElement[] trace = site.getStackTrace();
            for (StackTraceElement element : trace) {
                if (!isLockMachinery(element.getClassName())) {
                    return element.toString();
                }
            }
            return trace.length > 0 ? trace[0].toString() : "(no stack)";
        }
        if (caller != null) {
            return caller.toStackTraceElement().toString();
        }
        return "(inside the channel core)";
    }

    /** Frames of the locking code itself, skipped when telling where a lock was taken. */
    static boolean isLockMachinery(String className) {
        return className.equals(RankedLock.class.getName()) || className.equals(LockOrderValidator.class.getName())
                || className.equals(LockPair.class.getName());
    }
}
