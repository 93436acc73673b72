package org.strowger.sip.internal.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RtpPacketTest {

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    @Test
    void encodesTheFixedHeaderInNetworkOrder() {
        RtpPacket packet = new RtpPacket(true, 8, 0xABCD, 0x01020304L, 0xDEADBEEFL, bytes(1, 2, 3));

        assertThat(packet.encode()).containsExactly(0x80, 0x88, 0xAB, 0xCD, 0x01, 0x02, 0x03, 0x04,
                0xDE, 0xAD, 0xBE, 0xEF, 1, 2, 3);
    }

    @Test
    void writeHeaderMatchesEncode() {
        byte[] buffer = new byte[12];
        RtpPacket.writeHeader(buffer, false, 101, 65535, 0xFFFFFFFFL, 1);

        assertThat(buffer).containsExactly(new RtpPacket(false, 101, 65535, 0xFFFFFFFFL, 1, new byte[0]).encode());
    }

    @Test
    void csrcsExtensionAndPaddingSurviveARoundTrip() {
        RtpPacket original = new RtpPacket(false, 0, 7, 160, 42, bytes(9, 8, 7, 6, 5))
                .withCsrcs(1, 0xFFFFFFFFL)
                .withExtension(0xBEDE, bytes(1, 2, 3, 4, 5, 6, 7, 8))
                .withPadding(3);
        byte[] wire = original.encode();

        RtpPacket decoded = RtpPacket.decode(wire, wire.length);

        assertThat(wire).hasSize(12 + 8 + 4 + 8 + 5 + 3);
        assertThat(wire[0] & 0xFF).isEqualTo(0x80 | 0x20 | 0x10 | 2);
        assertThat(decoded.csrcs()).containsExactly(1, 0xFFFFFFFFL);
        assertThat(decoded.extensionProfile()).isEqualTo(0xBEDE);
        assertThat(decoded.extension()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(decoded.paddingLength()).isEqualTo(3);
        assertThat(decoded.payload()).containsExactly(9, 8, 7, 6, 5);
        assertThat(decoded.sequence()).isEqualTo(7);
        assertThat(decoded.timestamp()).isEqualTo(160);
        assertThat(decoded.ssrc()).isEqualTo(42);
        assertThat(decoded.marker()).isFalse();
    }

    @Test
    void headerViewFindsThePayloadBehindCsrcsAndExtension() {
        byte[] wire = new RtpPacket(true, 0, 1, 2, 3, bytes(0x55, 0x66)).withCsrcs(5).withExtension(1, new byte[4])
                .encode();
        RtpHeaderView view = new RtpHeaderView();

        assertThat(view.read(wire, wire.length)).isTrue();

        assertThat(view.payloadOffset).isEqualTo(12 + 4 + 4 + 4);
        assertThat(view.payloadLength).isEqualTo(2);
        assertThat(view.marker).isTrue();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "80 00 00 01                                      | shorter than the 12-byte RTP header",
        "40 00 00 01 00 00 00 00 00 00 00 01 FF           | RTP version is not 2",
        "83 00 00 01 00 00 00 00 00 00 00 01 00 00 00 01  | CSRC list runs past the end of the packet",
        "90 00 00 01 00 00 00 00 00 00 00 01 00 00        | extension header runs past the end of the packet",
        "90 00 00 01 00 00 00 00 00 00 00 01 00 00 00 02 00 00 00 00 | extension runs past the end of the packet",
        "A0 00 00 01 00 00 00 00 00 00 00 01 FF 00        | padding length does not fit the packet",
        "A0 00 00 01 00 00 00 00 00 00 00 01 FF 09        | padding length does not fit the packet",
    })
    void malformedPacketsAreRefusedWithTheReason(String hex, String reason) {
        String[] parts = hex.trim().split("\\s+");
        byte[] wire = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            wire[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        RtpHeaderView view = new RtpHeaderView();

        assertThat(view.read(wire, wire.length)).isFalse();
        assertThat(view.problem).isEqualTo(reason);
        assertThatThrownBy(() -> RtpPacket.decode(wire, wire.length))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an RTP packet: " + reason);
    }

    @Test
    void readsOnlyTheGivenLengthOfTheBuffer() {
        byte[] buffer = new byte[2048];
        byte[] wire = new RtpPacket(false, 0, 1, 2, 3, bytes(1, 2, 3, 4)).encode();
        System.arraycopy(wire, 0, buffer, 0, wire.length);
        RtpHeaderView view = new RtpHeaderView();

        assertThat(view.read(buffer, wire.length)).isTrue();
        assertThat(view.payloadLength).isEqualTo(4);
    }
}
