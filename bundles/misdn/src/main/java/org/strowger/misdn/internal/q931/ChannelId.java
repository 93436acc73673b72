package org.strowger.misdn.internal.q931;

/**
 * Channel identification (IE 0x18), BRI or PRI form.
 *
 * @param primaryRate the PRI form (octets 3.2 and 3.3 carry the timeslot)
 * @param exclusive only this channel is acceptable (else preferred)
 * @param bChannel the B-channel, 1-based (1..2 on BRI, 1..30 on PRI where timeslots 1-15 and
 *        17-31 are B-channels 1-15 and 16-30); {@link #ANY} for any channel, {@link #NONE} for no channel
 */
public record ChannelId(boolean primaryRate, boolean exclusive, int bChannel) {

    public static final int ANY = 0;
    public static final int NONE = -1;

    public static ChannelId any(boolean primaryRate) {
        return new ChannelId(primaryRate, false, ANY);
    }

    public static ChannelId exclusive(boolean primaryRate, int bChannel) {
        return new ChannelId(primaryRate, true, bChannel);
    }

    /** The E1 timeslot of a PRI B-channel. */
    public static int timeslot(int bChannel) {
        return bChannel <= 15 ? bChannel : bChannel + 1;
    }

    public InformationElement toIe() {
        int excl = exclusive ? 0x08 : 0;
        if (!primaryRate) {
            int sel = bChannel == ANY ? 3 : bChannel == NONE ? 0 : bChannel;
            return InformationElement.of(InformationElement.CHANNEL_ID, (byte) (0x80 | excl | sel));
        }
        if (bChannel == ANY || bChannel == NONE) {
            return InformationElement.of(InformationElement.CHANNEL_ID,
                    (byte) (0xA0 | excl | (bChannel == ANY ? 3 : 0)));
        }
        return InformationElement.of(InformationElement.CHANNEL_ID, (byte) (0xA0 | excl | 1), (byte) 0x83,
                (byte) (0x80 | timeslot(bChannel)));
    }

    public static ChannelId parse(InformationElement ie) throws InvalidIeException {
        byte[] c = ie.contents();
        if (c.length < 1 || (c[0] & 0x80) == 0) {
            throw new InvalidIeException(ie.id(), "octet 3 missing or not terminated");
        }
        int o3 = c[0] & 0xFF;
        if ((o3 & 0x40) != 0) {
            throw new InvalidIeException(ie.id(), "interface identifier not supported");
        }
        if ((o3 & 0x04) != 0) {
            throw new InvalidIeException(ie.id(), "D-channel indicated");
        }
        boolean pri = (o3 & 0x20) != 0;
        boolean excl = (o3 & 0x08) != 0;
        int sel = o3 & 0x03;
        if (!pri) {
            return new ChannelId(false, excl, sel == 3 ? ANY : sel == 0 ? NONE : sel);
        }
        if (sel == 3) {
            return new ChannelId(true, excl, ANY);
        }
        if (sel == 0) {
            return new ChannelId(true, excl, NONE);
        }
        if (sel != 1) {
            throw new InvalidIeException(ie.id(), "PRI channel selection " + sel);
        }
        if (c.length < 3) {
            throw new InvalidIeException(ie.id(), "PRI channel number missing");
        }
        if ((c[1] & 0x10) != 0 || (c[1] & 0x0F) != 0x03) {
            throw new InvalidIeException(ie.id(), "only B-channel numbers are supported, octet 3.2 is 0x"
                    + Integer.toHexString(c[1] & 0xFF));
        }
        int ts = c[2] & 0x7F;
        if (ts < 1 || ts > 31 || ts == 16) {
            throw new InvalidIeException(ie.id(), "timeslot " + ts + " is not a B-channel");
        }
        return new ChannelId(true, excl, ts < 16 ? ts : ts - 1);
    }

    @Override
    public String toString() {
        String ch = bChannel == ANY ? "any" : bChannel == NONE ? "none" : "B" + bChannel;
        return ch + (exclusive ? " exclusive" : "");
    }
}
