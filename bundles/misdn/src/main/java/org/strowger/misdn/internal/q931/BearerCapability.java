package org.strowger.misdn.internal.q931;

/**
 * Bearer capability (IE 0x04): information transfer capability and the layer 1 codec.
 *
 * @param capability {@link #SPEECH}, {@link #UNRESTRICTED_DIGITAL} or {@link #AUDIO_3_1_KHZ} (others pass through)
 * @param layer1 {@link #MU_LAW}, {@link #A_LAW}, or 0 when the octet is absent
 */
public record BearerCapability(int capability, int layer1) {

    public static final int SPEECH = 0x00;
    public static final int UNRESTRICTED_DIGITAL = 0x08;
    public static final int AUDIO_3_1_KHZ = 0x10;
    public static final int MU_LAW = 0x02;
    public static final int A_LAW = 0x03;

    public static BearerCapability speech(boolean aLaw) {
        return new BearerCapability(SPEECH, aLaw ? A_LAW : MU_LAW);
    }

    public static BearerCapability digital() {
        return new BearerCapability(UNRESTRICTED_DIGITAL, 0);
    }

    /** Speech or 3.1 kHz audio: a telephone call. */
    public boolean voice() {
        return capability == SPEECH || capability == AUDIO_3_1_KHZ;
    }

    public InformationElement toIe() {
        if (layer1 == 0) {
            return InformationElement.of(InformationElement.BEARER_CAPABILITY, (byte) (0x80 | capability), (byte) 0x90);
        }
        return InformationElement.of(InformationElement.BEARER_CAPABILITY, (byte) (0x80 | capability), (byte) 0x90,
                (byte) (0xA0 | layer1));
    }

    public static BearerCapability parse(InformationElement ie) throws InvalidIeException {
        byte[] c = ie.contents();
        if (c.length < 2) {
            throw new InvalidIeException(ie.id(), "needs at least 2 octets, has " + c.length);
        }
        if ((c[0] & 0x80) == 0) {
            throw new InvalidIeException(ie.id(), "octet 3 must end its group");
        }
        int capability = c[0] & 0x1F;
        int i = 1;
        while (i < c.length && (c[i] & 0x80) == 0) { // octet 4 and its extensions 4a, 4b
            i++;
        }
        if (i >= c.length) {
            throw new InvalidIeException(ie.id(), "octet 4 group is not terminated");
        }
        i++;
        int layer1 = 0;
        if (i < c.length && (c[i] & 0x60) == 0x20) {
            layer1 = c[i] & 0x1F;
        }
        return new BearerCapability(capability, layer1);
    }

    @Override
    public String toString() {
        String cap = switch (capability) {
            case SPEECH -> "speech";
            case UNRESTRICTED_DIGITAL -> "digital";
            case AUDIO_3_1_KHZ -> "3.1kHz";
            default -> "cap 0x" + Integer.toHexString(capability);
        };
        String l1 = switch (layer1) {
            case 0 -> "";
            case A_LAW -> " A-law";
            case MU_LAW -> " u-law";
            default -> " l1 " + layer1;
        };
        return cap + l1;
    }
}
