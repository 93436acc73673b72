package org.strowger.misdn.internal.q931;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A Q.931 message: call reference and message type, then its IEs in wire order.
 *
 * @param crLength call reference length: 1 on BRI, 2 on PRI (0 for the dummy call reference)
 * @param callReference the value without the flag (0 is the global call reference)
 * @param flag the call reference flag: false when sent by the side that allocated the call reference
 * @param typeCode the message type octet (see {@link MessageType}; others are kept to answer cause 97)
 * @param ies the information elements
 */
public record Q931Message(int crLength, int callReference, boolean flag, int typeCode, List<InformationElement> ies) {

    public Q931Message {
        ies = List.copyOf(ies);
    }

    public static Q931Message of(int crLength, int callReference, boolean flag, MessageType type,
            InformationElement... ies) {
        return new Q931Message(crLength, callReference, flag, type.code(), List.of(ies));
    }

    /** The type, or null when not one of basic call's. */
    public MessageType type() {
        return MessageType.of(typeCode);
    }

    /** The first codeset 0 IE with this identifier, or null. */
    public InformationElement ie(int id) {
        for (InformationElement ie : ies) {
            if (ie.codeset() == 0 && ie.id() == id) {
                return ie;
            }
        }
        return null;
    }

    public boolean has(int id) {
        return ie(id) != null;
    }

    /** The same message with one more IE at the end. */
    public Q931Message with(InformationElement ie) {
        List<InformationElement> l = new ArrayList<>(ies);
        l.add(ie);
        return new Q931Message(crLength, callReference, flag, typeCode, l);
    }

    /** The cause value, or 0 when there is no (valid) Cause IE. */
    public int causeValue() {
        InformationElement ie = ie(InformationElement.CAUSE);
        try {
            return ie == null ? 0 : Cause.parse(ie).value();
        } catch (InvalidIeException e) {
            return 0;
        }
    }

    @Override
    public String toString() {
        MessageType t = type();
        String name = t == null ? String.format("type 0x%02X", typeCode) : t.name().replace('_', ' ');
        return name + " cr=" + callReference + (flag ? "/1" : "/0")
                + (ies.isEmpty() ? "" : ies.stream().map(Ies::describe).collect(Collectors.joining(" ", " ", "")));
    }
}
