package org.strowger.channel.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.strowger.channel.Channel;
import org.strowger.channel.frame.Codec;
import org.strowger.channel.frame.Frame;
import org.strowger.channel.frame.VoiceFrame;

/** {@code ChannelLink.setFormats}: a driver's negotiated codec becomes the channel's formats, so audio is not converted twice. */
class DriverFormatsTest {

    private final CoreFixture fixture = new CoreFixture();
    private final ChannelCore core = fixture.core;
    private final Channel alice = fixture.inbound("alice");

    @AfterEach
    void stop() {
        assertThat(core.invariantViolations()).isEmpty();
        core.stop();
    }

    @Test
    void theDeclaredCodecBecomesTheReadAndWriteFormat() throws Exception {
        fixture.sideOf(alice).link.setFormats(List.of(Codec.ALAW));

        assertThat(alice.nativeFormats()).containsExactly(Codec.ALAW);
        assertThat(alice.readFormat()).isEqualTo(Codec.ALAW);
        assertThat(alice.writeFormat()).isEqualTo(Codec.ALAW);

        byte[] alaw = {(byte) 0x0a, (byte) 0x8a, (byte) 0xd5, (byte) 0x55};
        fixture.sideOf(alice).link.queueFrame(new VoiceFrame(Codec.ALAW, alaw.clone(), alaw.length, 0));
        Frame read = alice.read(Duration.ofSeconds(1));
        // 0x0a and 0x8a do not survive A-law -> µ-law -> A-law: they arrive untouched only without conversion
        assertThat(((VoiceFrame) read).codec()).isEqualTo(Codec.ALAW);
        assertThat(((VoiceFrame) read).payload()).containsExactly(alaw);
    }

    @Test
    void anEmptyListIsRefused() {
        assertThatThrownBy(() -> fixture.sideOf(alice).link.setFormats(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
