package org.strowger.itests.felix;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition that another thread (SCR, the framework) makes true. */
public final class Await {

    private Await() {
    }

    public static void until(String what, BooleanSupplier condition) throws InterruptedException {
        until(what, Duration.ofSeconds(10), condition);
    }

    /** Polls every 20 ms for at most {@code max}, then fails naming {@code what}. */
    public static void until(String what, Duration max, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + max.toMillis() + " ms waiting until " + what);
            }
            Thread.sleep(20);
        }
    }
}
