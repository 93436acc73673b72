package org.strowger.misdn.internal.q931;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/** Q.931 messages to bytes and back. Stateless; {@link #decode} never throws. */
public final class Q931Codec {

    /** The Q.931 protocol discriminator. */
    public static final int PROTOCOL_DISCRIMINATOR = 0x08;

    private Q931Codec() {
    }

    /** The wire form of a message; IEs of another codeset get a non-locking shift each. */
    public static byte[] encode(Q931Message m) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32);
        out.write(PROTOCOL_DISCRIMINATOR);
        out.write(m.crLength());
        if (m.crLength() == 1) {
            out.write((m.flag() ? 0x80 : 0) | (m.callReference() & 0x7F));
        } else if (m.crLength() == 2) {
            out.write((m.flag() ? 0x80 : 0) | ((m.callReference() >> 8) & 0x7F));
            out.write(m.callReference() & 0xFF);
        } else if (m.crLength() != 0) {
            throw new IllegalArgumentException("call reference length " + m.crLength() + " (1 on BRI, 2 on PRI)");
        }
        out.write(m.typeCode() & 0x7F);
        for (InformationElement ie : m.ies()) {
            if (ie.codeset() != 0) {
                out.write(0x98 | (ie.codeset() & 7));
            }
            out.write(ie.id());
            if (!InformationElement.singleOctet(ie.id())) {
                byte[] c = ie.contents();
                out.write(c.length);
                out.writeBytes(c);
            }
        }
        return out.toByteArray();
    }

    /** Decodes one message; whatever the bytes, the answer says what to do with them. */
    public static Decoded decode(byte[] b) {
        try {
            return decodeChecked(b);
        } catch (RuntimeException e) { // a bug here must not take the D-channel down
            return Decoded.ignored("decoder failure: " + e);
        }
    }

    private static Decoded decodeChecked(byte[] b) {
        if (b == null || b.length < 3) {
            return Decoded.ignored("too short: " + (b == null ? 0 : b.length) + " octets");
        }
        if ((b[0] & 0xFF) != PROTOCOL_DISCRIMINATOR) {
            return Decoded.ignored(String.format("protocol discriminator 0x%02X is not Q.931", b[0] & 0xFF));
        }
        int crl = b[1] & 0xFF;
        if (crl > 2) {
            return Decoded.ignored(String.format("call reference length octet 0x%02X", crl));
        }
        if (b.length < 3 + crl) {
            return Decoded.ignored("too short for its header: " + b.length + " octets");
        }
        int cr = 0;
        boolean flag = false;
        if (crl >= 1) {
            flag = (b[2] & 0x80) != 0;
            cr = b[2] & 0x7F;
            if (crl == 2) {
                cr = (cr << 8) | (b[3] & 0xFF);
            }
        }
        int type = b[2 + crl] & 0xFF;
        if ((type & 0x80) != 0) {
            return Decoded.ignored(String.format("message type octet 0x%02X has bit 8 set", type));
        }
        MessageType t = MessageType.of(type);
        if (t == null) {
            return new Decoded(Decoded.Kind.REJECTED, new Q931Message(crl, cr, flag, type, List.of()), 97,
                    String.format("message type 0x%02X non-existent or not implemented", type));
        }
        List<InformationElement> ies = new ArrayList<>();
        List<Integer> faulty = new ArrayList<>();
        StringBuilder problems = new StringBuilder();
        int locked = 0;
        int once = -1;
        int i = 3 + crl;
        while (i < b.length) {
            int o = b[i] & 0xFF;
            int codeset = once >= 0 ? once : locked;
            if (InformationElement.singleOctet(o)) {
                i++;
                if ((o & 0xF0) == 0x90) { // shift
                    int to = o & 0x07;
                    if ((o & 0x08) != 0) {
                        once = to;
                    } else {
                        once = -1;
                        if (to > locked) { // a locking shift may only go up (Q.931 4.5.3)
                            locked = to;
                        } else {
                            note(problems, String.format("locking shift 0x%02X ignored", o));
                        }
                    }
                    continue;
                }
                ies.add(new InformationElement(codeset, o, new byte[0]));
                once = -1;
                continue;
            }
            if (i + 1 >= b.length || i + 2 + (b[i + 1] & 0xFF) > b.length) {
                if (codeset == 0) {
                    faulty.add(o);
                }
                note(problems, Ies.name(o) + " truncated");
                break;
            }
            int len = b[i + 1] & 0xFF;
            InformationElement ie = new InformationElement(codeset, o, Arrays.copyOfRange(b, i + 2, i + 2 + len));
            i += 2 + len;
            once = -1;
            try {
                Ies.check(ie);
                ies.add(ie);
            } catch (InvalidIeException e) {
                faulty.add(o);
                note(problems, e.getMessage());
            }
        }
        Q931Message m = new Q931Message(crl, cr, flag, type, ies);
        for (int id : mandatory(t)) {
            if (m.ie(id) == null) {
                boolean bad = faulty.contains(id);
                note(problems, Ies.name(id) + (bad ? " invalid" : " missing") + " (mandatory)");
                return new Decoded(Decoded.Kind.REJECTED, m, bad ? 100 : 96, problems.toString());
            }
        }
        if (!faulty.isEmpty()) {
            return new Decoded(Decoded.Kind.FAULTY, m, 100, problems.toString());
        }
        return problems.isEmpty() ? Decoded.ok(m) : new Decoded(Decoded.Kind.OK, m, 0, problems.toString());
    }

    /** The IEs a message of basic call must carry (ETSI EN 300 403, both directions). */
    static Set<Integer> mandatory(MessageType t) {
        return switch (t) {
            case SETUP -> Set.of(InformationElement.BEARER_CAPABILITY);
            case DISCONNECT -> Set.of(InformationElement.CAUSE);
            case STATUS -> Set.of(InformationElement.CAUSE, InformationElement.CALL_STATE);
            default -> Set.of();
        };
    }

    private static void note(StringBuilder sb, String s) {
        if (!sb.isEmpty()) {
            sb.append("; ");
        }
        sb.append(s);
    }

    /** Bytes as spaced upper-case hex, as in the trace and the docs. */
    public static String hex(byte[] b) {
        return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(b);
    }
}
