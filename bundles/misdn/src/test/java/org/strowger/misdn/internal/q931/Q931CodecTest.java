package org.strowger.misdn.internal.q931;

import static org.assertj.core.api.Assertions.assertThat;
import static org.strowger.misdn.internal.q931.InformationElement.*;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Q931CodecTest {

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    static final String SETUP_HEX = "08 01 01 05 A1 04 03 80 90 A3 18 01 83 6C 04 81 32 30 31 70 08 81 35 35 35 31 32 33 34";

    @Test
    void setupOfTheSpecIsEncodedByteExact() {
        Q931Message m = Q931Message.of(1, 1, false, MessageType.SETUP, InformationElement.of(SENDING_COMPLETE),
                BearerCapability.speech(true).toIe(), ChannelId.any(false).toIe(),
                PartyNumber.of("201").toIe(CALLING_PARTY_NUMBER), PartyNumber.of("5551234").toIe(CALLED_PARTY_NUMBER));
        assertThat(Q931Codec.hex(Q931Codec.encode(m))).isEqualTo(SETUP_HEX);
    }

    @Test
    void setupOfTheSpecDecodesToItsFields() throws Exception {
        Decoded d = Q931Codec.decode(hex(SETUP_HEX));
        assertThat(d.kind()).isEqualTo(Decoded.Kind.OK);
        Q931Message m = d.message();
        assertThat(m.type()).isEqualTo(MessageType.SETUP);
        assertThat(m.callReference()).isEqualTo(1);
        assertThat(m.flag()).isFalse();
        assertThat(m.has(SENDING_COMPLETE)).isTrue();
        assertThat(BearerCapability.parse(m.ie(BEARER_CAPABILITY))).isEqualTo(BearerCapability.speech(true));
        assertThat(ChannelId.parse(m.ie(CHANNEL_ID))).isEqualTo(ChannelId.any(false));
        assertThat(PartyNumber.parse(m.ie(CALLING_PARTY_NUMBER)).digits()).isEqualTo("201");
        assertThat(PartyNumber.parse(m.ie(CALLED_PARTY_NUMBER)).digits()).isEqualTo("5551234");
        assertThat(Q931Codec.hex(Q931Codec.encode(m))).isEqualTo(SETUP_HEX);
    }

    @ParameterizedTest
    @CsvSource({
            "08 01 81 02 18 01 89", "08 01 81 01", "08 01 81 07", "08 01 01 0F", "08 01 01 45 08 02 80 90",
            "08 01 81 45 08 02 81 90 1E 02 81 88", "08 01 01 4D", "08 01 81 5A" })
    void specExamplesRoundTripByteExact(String h) {
        Decoded d = Q931Codec.decode(hex(h));
        assertThat(d.kind()).isEqualTo(Decoded.Kind.OK);
        assertThat(Q931Codec.hex(Q931Codec.encode(d.message()))).isEqualTo(h);
    }

    @Test
    void replyExamplesAreBuiltByteExact() {
        assertThat(enc(Q931Message.of(1, 1, true, MessageType.CALL_PROCEEDING, ChannelId.exclusive(false, 1).toIe())))
                .isEqualTo("08 01 81 02 18 01 89");
        assertThat(enc(Q931Message.of(1, 1, false, MessageType.CONNECT_ACKNOWLEDGE))).isEqualTo("08 01 01 0F");
        assertThat(enc(Q931Message.of(1, 1, false, MessageType.DISCONNECT, new Cause(0, 16).toIe())))
                .isEqualTo("08 01 01 45 08 02 80 90");
        assertThat(enc(Q931Message.of(1, 1, true, MessageType.DISCONNECT, new Cause(1, 16).toIe(),
                new ProgressIndicator(1, 8).toIe()))).isEqualTo("08 01 81 45 08 02 81 90 1E 02 81 88");
    }

    @Test
    void everyMessageTypeRoundTripsWithTwoOctetCallReference() {
        for (MessageType t : MessageType.values()) {
            Q931Message m = Q931Message.of(2, 0x1234, true, t, new Cause(1, 31, new byte[] { 0x7B }).toIe(),
                    Ies.callState(10), BearerCapability.speech(false).toIe(), Ies.text(DISPLAY, "Alice"),
                    Ies.text(KEYPAD_FACILITY, "*21#"), ChannelId.exclusive(true, 17).toIe());
            Decoded d = Q931Codec.decode(Q931Codec.encode(m));
            assertThat(d.kind()).as(t.name()).isEqualTo(Decoded.Kind.OK);
            assertThat(d.message()).isEqualTo(m);
        }
    }

    @Test
    void priChannelIdCarriesTheTimeslot() throws Exception {
        assertThat(enc1(ChannelId.exclusive(true, 5).toIe())).isEqualTo("18 03 A9 83 85");
        assertThat(enc1(ChannelId.exclusive(true, 16).toIe())).isEqualTo("18 03 A9 83 91"); // timeslot 17
        assertThat(ChannelId.parse(InformationElement.of(CHANNEL_ID, hex("A1 83 9F")))).isEqualTo(
                new ChannelId(true, false, 30));
        assertThat(ChannelId.parse(InformationElement.of(CHANNEL_ID, hex("8A")))).isEqualTo(
                ChannelId.exclusive(false, 2));
    }

    @Test
    void bearerCapabilitiesAndNumbers() throws Exception {
        assertThat(enc1(BearerCapability.speech(false).toIe())).isEqualTo("04 03 80 90 A2");
        assertThat(enc1(BearerCapability.digital().toIe())).isEqualTo("04 02 88 90");
        assertThat(BearerCapability.parse(InformationElement.of(BEARER_CAPABILITY, hex("90 90 A3"))).voice()).isTrue();
        PartyNumber restricted = new PartyNumber(2, 1, 1, 3, "0301234");
        assertThat(enc1(restricted.toIe(CALLING_PARTY_NUMBER))).startsWith("6C 09 21 A3");
        assertThat(PartyNumber.parse(restricted.toIe(CALLING_PARTY_NUMBER))).isEqualTo(restricted);
    }

    @Test
    void unknownIesAndOtherCodesetsPassThrough() {
        // Locking shift to codeset 6, then an IE there; then a non-locking shift (codeset 5) applies to one IE only.
        byte[] in = hex("08 01 01 7B 70 02 81 31 96 01 02 AA BB 9D 02 01 CC 03 01 DD");
        Decoded d = Q931Codec.decode(in);
        assertThat(d.kind()).isEqualTo(Decoded.Kind.OK);
        assertThat(d.message().ies()).containsExactly(InformationElement.of(CALLED_PARTY_NUMBER, hex("81 31")),
                new InformationElement(6, 0x01, hex("AA BB")), new InformationElement(5, 0x02, hex("CC")),
                new InformationElement(6, 0x03, hex("DD")));
        Decoded again = Q931Codec.decode(Q931Codec.encode(d.message()));
        assertThat(again.message()).isEqualTo(d.message());
    }

    @Test
    void everyPrefixOfASetupDecodesWithoutThrowing() {
        byte[] full = hex(SETUP_HEX);
        for (int n = 0; n <= full.length; n++) {
            byte[] p = java.util.Arrays.copyOf(full, n);
            Decoded d = Q931Codec.decode(p);
            assertThat(d).as("prefix %d", n).isNotNull();
            if (n < 4) {
                assertThat(d.kind()).as("prefix %d", n).isEqualTo(Decoded.Kind.IGNORED);
            } else if (n < 10) { // bearer capability missing or cut short
                assertThat(d.kind()).as("prefix %d", n).isEqualTo(Decoded.Kind.REJECTED);
                assertThat(d.cause()).as("prefix %d", n).isIn(96, 100);
                assertThat(d.message().callReference()).isEqualTo(1);
            } else {
                assertThat(d.kind()).as("prefix %d", n).isIn(Decoded.Kind.OK, Decoded.Kind.FAULTY);
            }
        }
    }

    @Test
    void garbageNeverThrows() {
        java.util.Random r = new java.util.Random(42);
        for (int k = 0; k < 20000; k++) {
            byte[] b = new byte[r.nextInt(40)];
            r.nextBytes(b);
            if (b.length > 1 && r.nextBoolean()) {
                b[0] = 8;
                b[1] = (byte) r.nextInt(3);
            }
            assertThat(Q931Codec.decode(b)).isNotNull();
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "bad protocol discriminator, 09 01 01 05 04 02 88 90, IGNORED, 0",
            "call reference length 3, 08 03 01 02 03 05, IGNORED, 0",
            "call reference length nibble high, 08 11 01 05, IGNORED, 0",
            "header cut in the call reference, 08 02 01, IGNORED, 0",
            "unknown message type, 08 01 01 99, IGNORED, 0",
            "message type not implemented, 08 01 01 62 1C 01 00, REJECTED, 97",
            "setup without bearer capability, 08 01 01 05 70 02 81 31, REJECTED, 96",
            "setup with a one-octet bearer capability, 08 01 01 05 04 01 80, REJECTED, 100",
            "disconnect without cause, 08 01 01 45, REJECTED, 96",
            "disconnect with a cause cut to one octet, 08 01 01 45 08 01 80, REJECTED, 100",
            "disconnect with a cause whose length runs past the end, 08 01 01 45 08 05 80 90, REJECTED, 100",
            "status without call state, 08 01 01 7D 08 02 80 9E, REJECTED, 96",
            "alerting with a broken channel id (optional IE), 08 01 81 01 18 01 09, FAULTY, 100",
            "setup with non-IA5 called digits, 08 01 01 05 04 02 88 90 70 02 81 05, FAULTY, 100",
            "PRI channel id naming timeslot 16, 08 02 00 01 02 18 03 A9 83 90, FAULTY, 100",
            "release complete with nothing, 08 01 81 5A, OK, 0" })
    void malformedInputsSayWhatIsWrong(String what, String h, Decoded.Kind kind, int cause) {
        Decoded d = Q931Codec.decode(hex(h));
        assertThat(d.kind()).as(what + ": " + d.problem()).isEqualTo(kind);
        assertThat(d.cause()).as(what).isEqualTo(cause);
        if (kind != Decoded.Kind.IGNORED) {
            assertThat(d.message()).isNotNull();
        } else {
            assertThat(d.problem()).isNotEmpty();
        }
    }

    @Test
    void traceLineIsReadable() {
        assertThat(Q931Codec.decode(hex(SETUP_HEX)).message().toString())
                .isEqualTo("SETUP cr=1/0 sending-complete BC(speech A-law) CHI(any) calling(201) called(5551234)");
    }

    private static String enc(Q931Message m) {
        return Q931Codec.hex(Q931Codec.encode(m));
    }

    private static String enc1(InformationElement ie) {
        String s = enc(Q931Message.of(0, 0, false, MessageType.INFORMATION, ie));
        return s.substring("08 00 7B ".length());
    }

}
