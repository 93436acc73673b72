package org.strowger.misdn.internal.q931;

import java.util.Arrays;

/**
 * Cause (IE 0x08): where the call was cleared and why (Q.850).
 *
 * @param location 0 user, 1 private network serving the local user (a PBX), 2 public network...
 * @param value the Q.850 cause value (16 normal clearing, 17 busy...)
 * @param diagnostics optional diagnostics, often the identifier of the faulty IE or message type
 */
public record Cause(int location, int value, byte[] diagnostics) {

    public static final int USER = 0;
    public static final int PRIVATE_NETWORK = 1;

    public Cause {
        diagnostics = diagnostics.clone();
    }

    public Cause(int location, int value) {
        this(location, value, new byte[0]);
    }

    @Override
    public byte[] diagnostics() {
        return diagnostics.clone();
    }

    public InformationElement toIe() {
        byte[] c = new byte[2 + diagnostics.length];
        c[0] = (byte) (0x80 | (location & 0x0F));
        c[1] = (byte) (0x80 | (value & 0x7F));
        System.arraycopy(diagnostics, 0, c, 2, diagnostics.length);
        return InformationElement.of(InformationElement.CAUSE, c);
    }

    public static Cause parse(InformationElement ie) throws InvalidIeException {
        byte[] c = ie.contents();
        if (c.length < 2) {
            throw new InvalidIeException(ie.id(), "needs at least 2 octets, has " + c.length);
        }
        int i = 1;
        if ((c[0] & 0x80) == 0) { // octet 3a, recommendation
            i = 2;
            if (c.length < 3 || (c[1] & 0x80) == 0) {
                throw new InvalidIeException(ie.id(), "octet 3a not terminated");
            }
        }
        if ((c[i] & 0x80) == 0) {
            throw new InvalidIeException(ie.id(), "cause value octet must end its group");
        }
        return new Cause(c[0] & 0x0F, c[i] & 0x7F, Arrays.copyOfRange(c, i + 1, c.length));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cause x && x.location == location && x.value == value
                && Arrays.equals(x.diagnostics, diagnostics);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * location + value) + Arrays.hashCode(diagnostics);
    }

    @Override
    public String toString() {
        return value + " loc " + location + (diagnostics.length > 0 ? " diag " + java.util.HexFormat.of().formatHex(diagnostics) : "");
    }
}
