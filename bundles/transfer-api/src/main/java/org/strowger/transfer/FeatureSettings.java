package org.strowger.transfer;

import java.time.Duration;

/**
 * The active feature configuration (PID {@code org.strowger.features}).
 *
 * @param blindTransfer the code for blind transfer ({@code #1})
 * @param attendedTransfer the code for attended transfer ({@code *2})
 * @param disconnect the code that hangs up the far party, or aborts an attended transfer ({@code *0})
 * @param park the code that parks the far party ({@code #72})
 * @param featureDigitTimeout the longest pause between the digits of a code
 * @param transferDigitTimeout the longest pause between the digits of a transfer's extension
 * @param attendedNoAnswerTimeout how long an attended transfer's target may ring
 * @param attendedLoopDelay the pause between callback attempts
 * @param attendedCallbackRetries how often the transferer is called back when the target of a
 *        transfer completed early does not answer
 * @param attendedDropCall hang the transferee up instead of calling the transferer back
 * @param parkExtension the extension that parks ({@code 700})
 * @param firstSlot the first parking slot ({@code 701})
 * @param lastSlot the last parking slot ({@code 720})
 * @param parkContext the dialplan context of the parking extension and slots ({@code parkedcalls})
 * @param parkingTime how long a call stays parked before it rings the parker again
 * @param comebackToOrigin ring the parker when the parking time runs out (else hang up)
 */
public record FeatureSettings(String blindTransfer, String attendedTransfer, String disconnect, String park,
        Duration featureDigitTimeout, Duration transferDigitTimeout, Duration attendedNoAnswerTimeout,
        Duration attendedLoopDelay, int attendedCallbackRetries, boolean attendedDropCall, String parkExtension,
        int firstSlot, int lastSlot, String parkContext, Duration parkingTime, boolean comebackToOrigin) {
}
