package org.strowger.misdn.internal.l3;

/**
 * An outgoing call's SETUP.
 *
 * @param calledNumber digits to dial (may be empty for overlap dialling)
 * @param callingNumber our number, or empty
 * @param callingName shown in a Display IE when not empty
 * @param bChannel the B-channel to ask for (exclusive), or 0 for any
 * @param sendingComplete the number is complete (en-bloc); false for overlap dialling
 */
public record CallRequest(String calledNumber, String callingNumber, String callingName, int bChannel,
        boolean sendingComplete) {
}
