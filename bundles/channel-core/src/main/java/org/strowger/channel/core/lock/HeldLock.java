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
                if (!element.getClassName().startsWith(HeldLock.class.getPackageName())) {
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
}
