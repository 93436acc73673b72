package org.strowger.pbx.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.strowger.pbx.internal.engine.PbxFixture.awaitHungUp;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.strowger.channel.Channel;
import org.strowger.channel.log.CallLogContext;
import org.strowger.pbx.ApplicationResult;
import org.strowger.pbx.DialplanApplication;

/**
 * Lines logged during a call carry its channel: an application running a step sees the channel's
 * name in the MDC (key {@code channel}), after a suspension too, and the one pool thread does not
 * carry one call's name into the next call's steps.
 */
class CallLogContextTest {

    private static final String DIALPLAN = """
            [internal]
            exten => 100,1,Capture(first)
             same => n,Later()
             same => n,Capture(resumed)
             same => n,Hangup()
            exten => 200,1,Capture(only)
             same => n,Hangup()
            exten => h,1,Capture(h)
            """;

    private final PbxFixture pbx = new PbxFixture(DIALPLAN, 1000, 1);
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final CompletableFuture<ApplicationResult> later = new CompletableFuture<>();

    /**
     * slf4j-simple's MDC (slf4j 1.7) ignores puts; the container's pax-logging keeps them. The test
     * gives SLF4J a working MDC so that it sees what pax-logging would.
     */
    @BeforeAll
    static void workingMdc() throws ReflectiveOperationException {
        java.lang.reflect.Field adapter = MDC.class.getDeclaredField("mdcAdapter");
        adapter.setAccessible(true);
        if (adapter.get(null) instanceof org.slf4j.helpers.NOPMDCAdapter) {
            adapter.set(null, new org.slf4j.helpers.BasicMDCAdapter());
        }
    }

    @AfterEach
    void close() {
        pbx.close();
    }

    @Test
    void anApplicationLogsWithItsChannelInTheMdcBeforeAndAfterASuspension() {
        pbx.registry.addApplication("Capture", (DialplanApplication) (call, arguments) -> {
            seen.add(arguments.get(0) + " " + MDC.get(CallLogContext.KEY));
            return ApplicationResult.CONTINUE;
        });
        pbx.registry.addApplication("Later", (DialplanApplication) (call, arguments) ->
                new ApplicationResult.Suspend(later));

        Channel alice = pbx.call("alice", "100", "internal");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> pbx.pool.suspendedCalls() == 1);
        Channel bob = pbx.call("bob", "200", "internal");
        awaitHungUp(bob);
        later.complete(ApplicationResult.CONTINUE);
        awaitHungUp(alice);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> pbx.pool.callsInDialplan() == 0);

        assertThat(seen).containsExactly(
                "first " + alice.name(),
                "only " + bob.name(),
                "h " + bob.name(),
                "resumed " + alice.name(),
                "h " + alice.name());
        assertThat(MDC.get(CallLogContext.KEY)).as("the test's own thread").isNull();
    }
}
