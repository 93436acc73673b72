package org.strowger.sip.internal.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class DropLogTest {

    private final List<String> lines = new ArrayList<>();
    private final AtomicLong now = new AtomicLong(1_000);
    private final DropLog log = new DropLog(lines::add, now::get);

    private void advanceSeconds(long seconds) {
        now.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
    }

    @Test
    void oneLinePerSourcePerTenSecondsThenTheCount() {
        log.report("192.0.2.1:5060/UDP", "rejected: a; dropped");
        for (int i = 0; i < 1000; i++) {
            log.report("192.0.2.1:5060/UDP", "rejected: b; dropped");
        }
        advanceSeconds(9);
        log.report("192.0.2.1:5060/UDP", "rejected: c; dropped");
        assertThat(lines).containsExactly("SIP message from 192.0.2.1:5060/UDP rejected: a; dropped");

        advanceSeconds(1);
        log.report("192.0.2.1:5060/UDP", "rejected: d; dropped");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).isEqualTo(
                "SIP message from 192.0.2.1:5060/UDP rejected: d; dropped [1001 more from this source not logged]");

        advanceSeconds(10);
        log.report("192.0.2.1:5060/UDP", "rejected: e; dropped");
        assertThat(lines.get(2)).as("count starts again").doesNotContain("more from");
    }

    @Test
    void sourcesAreLimitedIndependently() {
        log.report("192.0.2.1:5060/UDP", "x");
        log.report("192.0.2.1:5062/UDP", "x");
        log.report("192.0.2.2:5060/TCP", "x");
        log.report("192.0.2.1:5060/UDP", "x");
        assertThat(lines).hasSize(3);
    }

    @Test
    void manySourcesAreCappedInAllAndCounted() {
        DropLog capped = new DropLog(lines::add, now::get, TimeUnit.SECONDS.toNanos(10), 3, 100);
        for (int i = 0; i < 50; i++) {
            capped.report("198.51.100." + i + ":5060/UDP", "x");
        }
        assertThat(lines).hasSize(3);
        advanceSeconds(10);
        capped.report("203.0.113.9:5060/UDP", "y");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(3)).endsWith("y [47 more from other sources not logged: too many sources]");
    }

    @Test
    void theSourceTableIsBounded() {
        DropLog small = new DropLog(lines::add, now::get, TimeUnit.SECONDS.toNanos(10), 1000, 2);
        small.report("a", "x");
        small.report("b", "x");
        small.report("c", "x"); // forgets "a"
        small.report("a", "x");
        small.report("c", "x");
        assertThat(lines).hasSize(4);
    }
}
