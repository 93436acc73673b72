package org.strowger.sip.internal.auth;

import org.strowger.sip.internal.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class AuthFailureThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2024-05-01T10:00:00Z"));
    private final AuthFailureThrottle throttle = new AuthFailureThrottle(clock);
    private final InetAddress attacker = address(192, 0, 2, 7);
    private final InetAddress phone = address(198, 51, 100, 20);

    @Test
    void fifthFailureInAMinuteBlocksAndSaysSoOnce() {
        for (int i = 1; i <= 4; i++) {
            FailureOutcome outcome = throttle.recordFailure(attacker, "100");
            assertThat(outcome).isEqualTo(new FailureOutcome(false, false, i, ""));
            assertThat(throttle.isBlocked(attacker)).isFalse();
        }

        FailureOutcome fifth = throttle.recordFailure(attacker, "admin");

        assertThat(fifth.justBlocked()).isTrue();
        assertThat(fifth.blocked()).isTrue();
        assertThat(fifth.warning()).isEqualTo(
                "5 authentication failures from 192.0.2.7 (last user 'admin') in 60 s: ignoring it for 60 s");
        assertThat(throttle.isBlocked(attacker)).isTrue();

        FailureOutcome sixth = throttle.recordFailure(attacker, "root");
        assertThat(sixth.justBlocked()).isFalse();
        assertThat(sixth.blocked()).isTrue();
        assertThat(sixth.warning()).isEmpty();
    }

    @Test
    void blockLastsBlockForThenTheSourceStartsAfresh() {
        failTimes(attacker, 5);
        clock.advance(Duration.ofSeconds(59));
        assertThat(throttle.isBlocked(attacker)).isTrue();

        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.isBlocked(attacker)).isFalse();
        assertThat(throttle.recordFailure(attacker, "100").failuresInWindow()).isEqualTo(1);
    }

    @Test
    void failuresOlderThanTheWindowNoLongerCount() {
        failTimes(attacker, 4);
        clock.advance(Duration.ofSeconds(60));

        FailureOutcome outcome = throttle.recordFailure(attacker, "100");

        assertThat(outcome.failuresInWindow()).isEqualTo(1);
        assertThat(throttle.isBlocked(attacker)).isFalse();
    }

    @Test
    void windowSlides() {
        throttle.recordFailure(attacker, "100");               // t = 0
        clock.advance(Duration.ofSeconds(30));
        failTimes(attacker, 3);                                  // t = 30
        clock.advance(Duration.ofSeconds(30));                   // t = 60: the first one expires
        assertThat(throttle.recordFailure(attacker, "100").justBlocked()).isFalse();
        clock.advance(Duration.ofMillis(29_999));                // t = 89.999: the t = 30 ones still count
        assertThat(throttle.recordFailure(attacker, "100").justBlocked()).isTrue();
    }

    @Test
    void justUnderTheWindowStillCounts() {
        failTimes(attacker, 4);
        clock.advance(Duration.ofMillis(59_999));

        assertThat(throttle.recordFailure(attacker, "100").justBlocked()).isTrue();
    }

    @Test
    void successForgetsFailuresAndBlock() {
        failTimes(attacker, 4);
        throttle.recordSuccess(attacker);
        assertThat(throttle.recordFailure(attacker, "100").failuresInWindow()).isEqualTo(1);

        failTimes(attacker, 4);
        assertThat(throttle.isBlocked(attacker)).isTrue();
        throttle.recordSuccess(attacker);
        assertThat(throttle.isBlocked(attacker)).isFalse();
        assertThat(throttle.trackedSources()).isZero();
    }

    @Test
    void sourcesAreCountedSeparately() {
        failTimes(attacker, 5);

        assertThat(throttle.isBlocked(attacker)).isTrue();
        assertThat(throttle.isBlocked(phone)).isFalse();
        assertThat(throttle.recordFailure(phone, "200").failuresInWindow()).isEqualTo(1);
    }

    @Test
    void settingsChangeLimitsAndTheWarning() {
        AuthFailureThrottle strict = new AuthFailureThrottle(clock,
                new ThrottleSettings(2, Duration.ofMinutes(10), Duration.ofMillis(1500), 100));
        InetAddress v6 = address6();

        strict.recordFailure(v6, null);
        FailureOutcome second = strict.recordFailure(v6, null);

        assertThat(second.warning()).isEqualTo(
                "2 authentication failures from 2001:db8:0:0:0:0:0:1 (last user unknown) in 600 s:"
                        + " ignoring it for 1500 ms");
        clock.advance(Duration.ofMillis(1500));
        assertThat(strict.isBlocked(v6)).isFalse();
    }

    @Test
    void warningDoesNotCarryControlCharactersFromTheNetwork() {
        failTimes(attacker, 4);

        FailureOutcome outcome = throttle.recordFailure(attacker, "evil\r\nFAKE LOG LINE");

        assertThat(outcome.warning()).contains("(last user 'evil??FAKE LOG LINE')").doesNotContain("\r", "\n");
    }

    @Test
    void memoryIsBoundedWhateverTheNumberOfSources() {
        AuthFailureThrottle bounded = new AuthFailureThrottle(clock,
                new ThrottleSettings(5, Duration.ofSeconds(60), Duration.ofSeconds(60), 100));

        for (int i = 0; i < 5_000; i++) {
            bounded.recordFailure(address(10, i >> 16, (i >> 8) & 0xff, i & 0xff), "x");
            clock.advance(Duration.ofMillis(1));
            assertThat(bounded.trackedSources()).isLessThanOrEqualTo(100);
        }
    }

    @Test
    void idleSourcesAreForgottenBeforeBlockedOnes() {
        AuthFailureThrottle bounded = new AuthFailureThrottle(clock,
                new ThrottleSettings(2, Duration.ofSeconds(60), Duration.ofHours(1), 10));
        InetAddress blocked = address(203, 0, 113, 1);
        bounded.recordFailure(blocked, "x");
        bounded.recordFailure(blocked, "x");               // blocked at t = 0, the oldest activity
        clock.advance(Duration.ofSeconds(1));
        for (int i = 1; i <= 9; i++) {
            bounded.recordFailure(address(10, 0, 0, i), "y"); // one failure each at t = 1 s
        }
        clock.advance(Duration.ofSeconds(61));             // their failures have left the window

        bounded.recordFailure(address(10, 0, 1, 0), "z");   // 11th source: over the cap

        assertThat(bounded.isBlocked(blocked)).isTrue();
        assertThat(bounded.trackedSources()).isEqualTo(2);
    }

    @Test
    void whenEveryoneMattersTheLeastRecentlyActiveGo() {
        AuthFailureThrottle bounded = new AuthFailureThrottle(clock,
                new ThrottleSettings(1, Duration.ofSeconds(60), Duration.ofHours(1), 10));
        for (int i = 1; i <= 11; i++) {
            bounded.recordFailure(address(10, 0, 0, i), "x"); // each blocked, one second apart
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(bounded.trackedSources()).isEqualTo(9);
        assertThat(bounded.isBlocked(address(10, 0, 0, 1))).isFalse();
        assertThat(bounded.isBlocked(address(10, 0, 0, 2))).isFalse();
        assertThat(bounded.isBlocked(address(10, 0, 0, 3))).isTrue();
        assertThat(bounded.isBlocked(address(10, 0, 0, 11))).isTrue();
    }

    @Test
    void concurrentFailuresBlockExactlyOnce() throws Exception {
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    int justBlocked = 0;
                    for (int i = 0; i < 500; i++) {
                        if (throttle.recordFailure(attacker, "x").justBlocked()) {
                            justBlocked++;
                        }
                    }
                    return justBlocked;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> result : results) {
                total += result.get();
            }
            assertThat(total).isEqualTo(1); // the clock stands still, so the block never ends
        } finally {
            pool.shutdownNow();
        }
    }

    private void failTimes(InetAddress source, int times) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(source, "100");
        }
    }

    private static InetAddress address(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static InetAddress address6() {
        byte[] bytes = new byte[16];
        bytes[0] = 0x20;
        bytes[1] = 0x01;
        bytes[2] = 0x0d;
        bytes[3] = (byte) 0xb8;
        bytes[15] = 1;
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
