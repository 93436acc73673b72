package org.strowger.channel.core;

/**
 * A channel's exclusive claim for one structural operation (masquerade, hangup, rename).
 * Taken by compare-and-set without blocking, so two masquerades crossing over the same pair
 * cannot deadlock: the loser is refused. A hangup or rename that finds a claim waits for its
 * release; the operations holding a claim never block, so the wait is short.
 */
final class Claim {

    enum Kind { MASQUERADE, HANGUP, RENAME }

    private final Kind kind;
    private boolean released;

    Claim(Kind kind) {
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }

    synchronized void release() {
        released = true;
        notifyAll();
    }

    synchronized void awaitRelease() {
        boolean interrupted = false;
        while (!released) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
