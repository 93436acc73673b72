package org.strowger.misdn.internal.q931;

/**
 * Progress indicator (IE 0x1E).
 *
 * @param location as in the Cause IE
 * @param description 1 not end-to-end ISDN, 2 destination non-ISDN, 3 origin non-ISDN, 8 in-band information available
 */
public record ProgressIndicator(int location, int description) {

    public static final int IN_BAND = 8;

    public InformationElement toIe() {
        return InformationElement.of(InformationElement.PROGRESS_INDICATOR, (byte) (0x80 | (location & 0x0F)),
                (byte) (0x80 | (description & 0x7F)));
    }

    public static ProgressIndicator parse(InformationElement ie) throws InvalidIeException {
        byte[] c = ie.contents();
        if (c.length < 2 || (c[0] & 0x80) == 0 || (c[1] & 0x80) == 0) {
            throw new InvalidIeException(ie.id(), "needs 2 terminated octets");
        }
        return new ProgressIndicator(c[0] & 0x0F, c[1] & 0x7F);
    }

    @Override
    public String toString() {
        return "desc " + description + " loc " + location;
    }
}
