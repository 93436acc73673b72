package org.strowger.misdn.internal.q931;

import java.nio.charset.StandardCharsets;

/**
 * Calling (IE 0x6C) or called (IE 0x70) party number.
 *
 * @param typeOfNumber 0 unknown, 1 international, 2 national, 4 subscriber
 * @param plan 1 for E.164, 0 unknown
 * @param presentation calling number only: 0 allowed, 1 restricted, 2 not available; -1 when octet 3a is absent
 * @param screening calling number only (with octet 3a): 0 user-provided not screened, 1 passed, 3 network-provided
 * @param digits IA5 digits
 */
public record PartyNumber(int typeOfNumber, int plan, int presentation, int screening, String digits) {

    /** Unknown type, E.164 plan, no presentation octet. */
    public static PartyNumber of(String digits) {
        return new PartyNumber(0, 1, -1, 0, digits);
    }

    public InformationElement toIe(int id) {
        byte[] d = digits.getBytes(StandardCharsets.ISO_8859_1);
        int head = presentation < 0 ? 1 : 2;
        byte[] c = new byte[head + d.length];
        int o3 = ((typeOfNumber & 7) << 4) | (plan & 0x0F);
        if (presentation < 0) {
            c[0] = (byte) (0x80 | o3);
        } else {
            c[0] = (byte) o3;
            c[1] = (byte) (0x80 | ((presentation & 3) << 5) | (screening & 3));
        }
        System.arraycopy(d, 0, c, head, d.length);
        return new InformationElement(0, id, c);
    }

    public static PartyNumber parse(InformationElement ie) throws InvalidIeException {
        byte[] c = ie.contents();
        if (c.length < 1) {
            throw new InvalidIeException(ie.id(), "octet 3 missing");
        }
        int ton = (c[0] >> 4) & 7;
        int plan = c[0] & 0x0F;
        int pres = -1;
        int screen = 0;
        int i = 1;
        if ((c[0] & 0x80) == 0) {
            if (ie.id() == InformationElement.CALLED_PARTY_NUMBER) {
                throw new InvalidIeException(ie.id(), "octet 3 must end its group");
            }
            if (c.length < 2 || (c[1] & 0x80) == 0) {
                throw new InvalidIeException(ie.id(), "octet 3a missing or not terminated");
            }
            pres = (c[1] >> 5) & 3;
            screen = c[1] & 3;
            i = 2;
        }
        for (int k = i; k < c.length; k++) {
            if (c[k] < 0x20 || c[k] > 0x7E) {
                throw new InvalidIeException(ie.id(), "digit octet 0x" + Integer.toHexString(c[k] & 0xFF)
                        + " is not IA5");
            }
        }
        return new PartyNumber(ton, plan, pres, screen, new String(c, i, c.length - i, StandardCharsets.ISO_8859_1));
    }

    @Override
    public String toString() {
        return digits + (typeOfNumber != 0 ? " ton " + typeOfNumber : "") + (presentation > 0 ? " restricted" : "");
    }
}
