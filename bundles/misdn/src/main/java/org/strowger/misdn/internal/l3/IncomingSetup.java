package org.strowger.misdn.internal.l3;

/**
 * What an incoming SETUP carried.
 *
 * @param calledNumber digits so far (empty when overlap dialling starts with none)
 * @param callingNumber the caller's number, or empty
 * @param callingName from a Display IE, or empty
 * @param bChannel the B-channel the network assigned or the terminal asked for (1-based), 0 when none yet
 * @param sendingComplete the number is complete
 * @param speech bearer capability speech or 3.1 kHz audio (else unrestricted digital)
 */
public record IncomingSetup(String calledNumber, String callingNumber, String callingName, int bChannel,
        boolean sendingComplete, boolean speech) {
}
