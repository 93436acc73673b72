package org.strowger.channel.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.strowger.channel.Channel;
import org.strowger.channel.HangupCause;
import org.strowger.channel.bridge.Bridge;
import org.strowger.channel.bridge.BridgeHook;
import org.strowger.channel.frame.Codec;
import org.strowger.channel.frame.Control;
import org.strowger.channel.frame.ControlFrame;
import org.strowger.channel.frame.DtmfFrame;
import org.strowger.channel.frame.VoiceFrame;

class BridgeTest {

    private final CoreFixture fixture = new CoreFixture();
    private final ChannelCore core = fixture.core;
    private final Channel alice = fixture.inbound("alice");
    private final Channel bob = fixture.request("bob");

    @AfterEach
    void stop() {
        assertThat(core.invariantViolations()).isEmpty();
        core.stop();
    }

    @Test
    void relaysVoiceBothWaysInTheDriversThreadsWithoutQueueing() {
        Bridge bridge = core.bridge(alice, bob);
        VoiceFrame hello = new VoiceFrame(Codec.ULAW, new byte[160], 160, 0);
        VoiceFrame reply = new VoiceFrame(Codec.ULAW, new byte[160], 160, 0);

        fixture.sideOf(alice).link.queueFrame(hello);
        fixture.sideOf(bob).link.queueFrame(reply);

        assertThat(fixture.sideOf(bob).written).containsExactly(hello);
        assertThat(fixture.sideOf(alice).written).containsExactly(reply);
        assertThat(alice.queuedFrames() + bob.queuedFrames()).isZero();
        assertThat(alice.bridgedPeer()).containsSame(bob);
        assertThat(bridge.peerOf(bob)).containsSame(alice);
    }

    @Test
    void transcodesWhenTheLegsSpeakDifferentLaws() {
        ((CoreChannel) bob).nativeFormats = java.util.Set.of(Codec.ALAW);
        core.bridge(alice, bob);
        byte[] ulawSilence = new byte[160];
        java.util.Arrays.fill(ulawSilence, (byte) 0xff);

        fixture.sideOf(alice).link.queueFrame(new VoiceFrame(Codec.ULAW, ulawSilence, 160, 0));

        VoiceFrame delivered = (VoiceFrame) fixture.sideOf(bob).written.get(0);
        assertThat(delivered.codec()).isEqualTo(Codec.ALAW);
        assertThat(delivered.payload()).containsOnly((byte) 0xd5); // A-law silence
    }

    @Test
    void passesDigitsAndIndicationsThrough() {
        core.bridge(alice, bob);

        fixture.sideOf(alice).link.queueFrame(DtmfFrame.begin('7'));
        fixture.sideOf(alice).link.queueFrame(DtmfFrame.end('7', Duration.ofMillis(100)));
        fixture.sideOf(bob).link.queueFrame(ControlFrame.of(Control.HOLD));

        assertThat(fixture.sideOf(bob).digits).containsExactly("begin 7", "end 7");
        assertThat(fixture.sideOf(alice).indicated).containsExactly(Control.HOLD);
    }

    @Test
    void aHookMayTakeDigitsSoThePeerNeverHearsThem() {
        List<String> seen = new ArrayList<>();
        core.addBridgeHook((bridge, from, digit) -> {
            seen.add(from.name() + ":" + digit);
            return digit == '#' ? BridgeHook.Decision.CONSUME : BridgeHook.Decision.PASS;
        });
        core.bridge(alice, bob);

        fixture.sideOf(alice).link.queueFrame(DtmfFrame.begin('#'));
        fixture.sideOf(alice).link.queueFrame(DtmfFrame.end('#', Duration.ofMillis(80)));
        fixture.sideOf(alice).link.queueFrame(DtmfFrame.begin('1'));
        fixture.sideOf(alice).link.queueFrame(DtmfFrame.end('1', Duration.ofMillis(80)));

        assertThat(seen).containsExactly(alice.name() + ":#", alice.name() + ":1");
        assertThat(fixture.sideOf(bob).digits).containsExactly("begin 1", "end 1");
    }

    @Test
    void endsWhenEitherSideHangsUpAndPassesTheCauseOn() {
        Bridge bridge = core.bridge(alice, bob);

        fixture.sideOf(bob).link.farEndHangup(HangupCause.USER_BUSY);

        assertThat(bridge.isActive()).isFalse();
        assertThat(bridge.endCause()).contains(HangupCause.USER_BUSY);
        assertThat(alice.isHungUp()).isTrue();
        assertThat(alice.hangupCause()).contains(HangupCause.USER_BUSY);
        assertThat(fixture.sideOf(alice).hangupCause).isEqualTo(HangupCause.USER_BUSY);
        assertThat(core.channelCount()).isZero();
    }

    @Test
    void releaseLeavesBothChannelsUpAndUnbridged() throws Exception {
        Bridge bridge = core.bridge(alice, bob);

        bridge.release();
        fixture.sideOf(alice).link.queueFrame(ControlFrame.of(Control.PROGRESS));

        assertThat(bridge.isActive()).isFalse();
        assertThat(alice.bridge()).isEmpty();
        assertThat(bob.bridge()).isEmpty();
        assertThat(alice.isHungUp() || bob.isHungUp()).isFalse();
        assertThat(alice.read(Duration.ZERO)).as("no longer relayed: queued for its reader")
                .isEqualTo(ControlFrame.of(Control.PROGRESS));
    }

    @Test
    void refusesAChannelThatIsHungUpOrAlreadyBridged() {
        Channel carol = fixture.request("carol");
        core.bridge(alice, bob);

        assertThatThrownBy(() -> core.bridge(carol, bob)).hasMessageContaining("already in bridge-");
        core.hangup(carol, HangupCause.NORMAL_CLEARING);
        Channel dave = fixture.request("dave");
        assertThatThrownBy(() -> core.bridge(dave, carol)).hasMessageContaining("hung up");
        assertThatThrownBy(() -> core.bridge(dave, dave)).hasMessageContaining("itself");
    }
}
