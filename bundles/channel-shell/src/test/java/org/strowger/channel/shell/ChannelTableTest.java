package org.strowger.channel.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.strowger.channel.CallerId;
import org.strowger.channel.Channel;
import org.strowger.channel.ChannelState;
import org.strowger.channel.DialplanLocation;

class ChannelTableTest {

    private static final Instant NOW = Instant.parse("2024-05-01T10:01:05Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final FakeChannel alice = new FakeChannel("SIP/alice-00000001")
            .uniqueId("1714557600.1").state(ChannelState.UP).createdAt(NOW.minusSeconds(65));
    private final FakeChannel bob = new FakeChannel("SIP/bob-00000002")
            .uniqueId("1714557601.2").state(ChannelState.UP).createdAt(NOW.minusSeconds(3 * 3600 + 4));

    ChannelTableTest() {
        alice.setLocation(new DialplanLocation("internal", "1002", 2));
        alice.setApplication("Dial", "SIP/bob,30");
        alice.setCallerId(new CallerId("1001", "Alice"));
        FakeChannel.bridge("b-1", alice, bob);
    }

    @Test
    void listsEachChannelInAlignedColumnsWithACount() {
        String table = new ChannelTable(List.of(alice, bob), CLOCK).render();

        assertThat(table.lines()).containsExactly(
                "Channel             Location         State  Application       Peer                Duration",
                "SIP/alice-00000001  1002@internal:2  Up     Dial(SIP/bob,30)  SIP/bob-00000002    00:01:05",
                "SIP/bob-00000002    s@default:1      Up     (None)            SIP/alice-00000001  03:00:04",
                "2 active channels");
    }

    @Test
    void showsNoneForAChannelWithoutPeerAndEmptyParenthesesForAnApplicationWithoutData() {
        FakeChannel ringing = new FakeChannel("SIP/carol-00000003").state(ChannelState.RING).createdAt(NOW);
        ringing.setApplication("Answer", "");

        assertThat(new ChannelTable(List.of(ringing), CLOCK).render().lines()).containsExactly(
                "Channel             Location     State  Application  Peer    Duration",
                "SIP/carol-00000003  s@default:1  Ring   Answer()     (None)  00:00:00",
                "1 active channel");
    }

    @Test
    void saysSoWhenNoChannelIsLive() {
        assertThat(new ChannelTable(List.<Channel>of(), CLOCK).render()).isEqualTo("0 active channels" + System.lineSeparator());
    }

    @Test
    void conciseGivesBangSeparatedFieldsInAsteriskOrderWithoutHeaderOrCount() {
        String concise = new ChannelTable(List.of(alice, bob), CLOCK).renderConcise();

        assertThat(concise.lines()).containsExactly(
                "SIP/alice-00000001!internal!1002!2!Up!Dial!SIP/bob,30!1001!65!SIP/bob-00000002!1714557600.1",
                "SIP/bob-00000002!default!s!1!Up!(None)!!!10804!SIP/alice-00000001!1714557601.2");
    }

    @Test
    void conciseIsEmptyWhenNoChannelIsLive() {
        assertThat(new ChannelTable(List.<Channel>of(), CLOCK).renderConcise()).isEmpty();
    }
}
