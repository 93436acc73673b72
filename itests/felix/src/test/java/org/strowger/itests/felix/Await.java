package org.strowger.itests.felix;

import java.util.function.BooleanSupplier;

/** Polls a condition that another thread (SCR, the framework) makes true. */
final class Await {

    private Await() {
    }

    static void until(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after 10 s waiting until " + what);
            }
            Thread.sleep(20);
        }
    }
}
