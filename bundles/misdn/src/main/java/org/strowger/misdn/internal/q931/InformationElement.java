package org.strowger.misdn.internal.q931;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One information element as it is on the wire: its codeset (0 unless a shift put it
 * elsewhere), its identifier and its contents (after the length octet). A single-octet IE
 * (identifier with bit 8 set, such as Sending complete 0xA1) has no contents.
 */
public record InformationElement(int codeset, int id, byte[] contents) {

    public static final int BEARER_CAPABILITY = 0x04;
    public static final int CAUSE = 0x08;
    public static final int CALL_STATE = 0x14;
    public static final int CHANNEL_ID = 0x18;
    public static final int PROGRESS_INDICATOR = 0x1E;
    public static final int DISPLAY = 0x28;
    public static final int KEYPAD_FACILITY = 0x2C;
    public static final int CALLING_PARTY_NUMBER = 0x6C;
    public static final int CALLED_PARTY_NUMBER = 0x70;
    public static final int SENDING_COMPLETE = 0xA1;

    public InformationElement {
        contents = contents.clone();
        if (singleOctet(id) && contents.length != 0) {
            throw new IllegalArgumentException("single-octet IE 0x" + Integer.toHexString(id) + " has no contents");
        }
        if (contents.length > 255) {
            throw new IllegalArgumentException("IE 0x" + Integer.toHexString(id) + " longer than 255 octets");
        }
    }

    /** An IE of codeset 0. */
    public static InformationElement of(int id, byte... contents) {
        return new InformationElement(0, id, contents);
    }

    /** Single-octet IEs have bit 8 of the identifier set. */
    public static boolean singleOctet(int id) {
        return (id & 0x80) != 0;
    }

    @Override
    public byte[] contents() {
        return contents.clone();
    }

    /** The contents as text (IA5 digits or display characters). */
    public String text() {
        return new String(contents, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InformationElement ie && ie.codeset == codeset && ie.id == id
                && Arrays.equals(ie.contents, contents);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * codeset + id) + Arrays.hashCode(contents);
    }

    @Override
    public String toString() {
        String name = codeset == 0 ? Ies.name(id) : "cs" + codeset + ":0x" + String.format("%02X", id);
        return singleOctet(id) ? name : name + "[" + HexFormat.ofDelimiter(" ").withUpperCase().formatHex(contents) + "]";
    }
}
