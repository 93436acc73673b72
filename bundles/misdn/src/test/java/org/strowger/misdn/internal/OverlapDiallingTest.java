package org.strowger.misdn.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.strowger.channel.Channel;
import org.strowger.channel.core.EmbeddedChannelCore;
import org.strowger.misdn.card.DChannel;
import org.strowger.misdn.card.PortRole;
import org.strowger.misdn.card.SimulatedCard;
import org.strowger.misdn.internal.config.MisdnSettings;
import org.strowger.misdn.internal.l3.Call;
import org.strowger.misdn.internal.l3.CallListener;
import org.strowger.misdn.internal.l3.CallRequest;
import org.strowger.misdn.internal.l3.Layer3;
import org.strowger.misdn.internal.l3.LinkState;
import org.strowger.misdn.internal.l3.IncomingSetup;
import org.strowger.misdn.internal.l3.Q931Layer;

/**
 * Overlap receiving over the native simulated card: a terminal on port 1 (a plain Q.931 TE
 * layer, not the driver) dials 26 without Sending complete, then 00 by INFORMATION; the driver on
 * port 2 (NT) acknowledges, collects the digits, and after the pause hands the core a call to 2600.
 */
class OverlapDiallingTest {

    private final EmbeddedChannelCore core = new EmbeddedChannelCore(true);
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final List<Channel> inbound = new CopyOnWriteArrayList<>();
    private SimulatedCard card;
    private MisdnDriver driver;

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.deactivate();
        }
        timers.shutdownNow();
        assertThat(core.invariantViolations()).isEmpty();
        core.close();
    }

    @Test
    void digitsSentAfterTheSetupMakeTheNumber() throws Exception {
        MisdnSettings onlyTheLineIn = MisdnSettings.of("simulated", 1, false, 16, "alaw", "2:nt:ptp:context=from-isdn");
        driver = new MisdnDriver(() -> onlyTheLineIn, core.service(), settings -> {
            card = (SimulatedCard) CardOpener.CARDS.open(settings);
            return card;
        }, Q931Layers::create);
        core.addTechnology("mISDN", driver);
        core.addInboundHandler(channel -> {
            inbound.add(channel);
            channel.answer();
        });

        Layer3 terminal = new Q931Layer(PortRole.TE, false, false, timers, new Layer3.Listener() {
            @Override
            public void incoming(Call call, IncomingSetup setup) {
                call.disconnect(21);
            }

            @Override
            public void linkChanged(LinkState state) {
            }
        }, line -> { });
        DChannel d = card.openD(0, PortRole.TE, false, terminal);
        terminal.attach(d);
        AtomicBoolean acknowledged = new AtomicBoolean();
        AtomicBoolean connected = new AtomicBoolean();
        AtomicInteger released = new AtomicInteger(-1);
        Call call = terminal.setup(new CallRequest("26", "100", "", 0, false), new CallListener() {
            @Override
            public void setupAcknowledged() {
                acknowledged.set(true);
            }

            @Override
            public void connected() {
                connected.set(true);
            }

            @Override
            public void released(int cause) {
                released.set(cause);
            }
        });

        await().atMost(Duration.ofSeconds(5)).untilTrue(acknowledged);
        assertThat(inbound).as("the number is not complete yet").isEmpty();
        call.information("00");

        await().atMost(Duration.ofSeconds(8)).until(() -> inbound.size() == 1);
        assertThat(inbound.get(0).dialedNumber()).isEqualTo("2600");
        assertThat(inbound.get(0).location().context()).isEqualTo("from-isdn");
        await().atMost(Duration.ofSeconds(5)).untilTrue(connected);

        call.disconnect(16);
        await().atMost(Duration.ofSeconds(5)).until(() -> released.get() == 16 && inbound.get(0).isHungUp());
        terminal.close();
        d.close();
    }
}
