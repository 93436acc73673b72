package org.strowger.sip.internal.cause;

import static org.strowger.channel.HangupCause.fromCodeOrClass;

import org.strowger.channel.HangupCause;

/**
 * Q.850 causes to SIP failure responses and back, after RFC 3398. Pure functions.
 *
 * <p><b>Cause to status</b> ({@link #toSipStatus}) follows RFC 3398 §8.2.6.1 (ISUP REL cause to
 * SIP response) for every cause our enum has: 1, 2, 3, 26 → 404; 17 → 486; 18 → 408; 19, 20 →
 * 480; 21, 57 → 403; 22, 23 → 410; 27 → 502; 28 → 484; 29 → 501; 31 → 480; 34, 38, 41, 42, 58,
 * 88 → 503; 65 → 488; 102 → 504; 111, 127 → 500. Departures: 16 (normal clearing) has no row,
 * since it normally ends a call with BYE or CANCEL; when a failure response is needed anyway we
 * send 480, like 31. 69 (facility not implemented) stands in for 79 (service or option not
 * implemented, → 501), which our enum folds into it. Every other cause gets 500.
 *
 * <p><b>Status to cause</b> ({@link #fromSipStatus}) follows RFC 3398 §7.2.4.1 (SIP response to
 * ISUP REL cause): 400 → 41; 401, 402, 403, 407 → 21; 404, 485, 604 → 1; 405 → 63; 406, 415,
 * 501 → 79; 408, 504 → 102; 410 → 22; 413, 414, 416, 420, 421, 423, 505, 513 → 127; 480 → 18;
 * 481, 500, 503 → 41; 482, 483 → 25; 484 → 28; 486, 600 → 17; 502 → 38; 603 → 21. (The RFC
 * prints 505 Version Not Supported as a second 504; 505 is meant.) Causes our enum lacks (25,
 * 63, 79) become the unspecified cause of their class, as {@link HangupCause#fromCodeOrClass}
 * does. Departures where the RFC gives no cause:
 * <ul>
 * <li>487 Request Terminated → 16 normal clearing: a 487 answers our own CANCEL, i.e. the call
 * was given up on purpose, which is what Asterisk users expect to see (our enum has no
 * originator-cancel cause).</li>
 * <li>488 Not Acceptable Here → 65 bearer capability not implemented, and 606 Not Acceptable →
 * 58 bearer capability not presently available (the RFC defers to the Warning header; these are
 * the causes that map back to 488 and 503, and the ones Asterisk users know for codec
 * mismatches).</li>
 * </ul>
 * Codes not in the table: RFC 3261 §8.1.3.2 has a UAC treat an unknown response as the x00 of
 * its class, so another 4xx or 5xx gives 41 like 400 and 500 do. For 6xx we do not follow x00:
 * 600 means specifically "busy", and reporting BUSY for, say, 607 Unwanted or 608 Rejected
 * would mislead, so other 6xx give 21 call rejected, like 603. A code outside 400-699 is not a
 * failure at all and gives 127 interworking.
 *
 * <p>When a response carries a {@code Reason: Q.850;cause=N} header, that cause is the real one
 * and wins over the status: use {@link #fromResponse}.
 */
public final class SipStatusMapping {

    private SipStatusMapping() {
    }

    /** The failure response to send for a call that failed with {@code cause}. */
    public static SipStatus toSipStatus(HangupCause cause) {
        return SipStatus.of(switch (cause) {
            case UNALLOCATED, NO_ROUTE_TRANSIT_NET, NO_ROUTE_DESTINATION, ANSWERED_ELSEWHERE -> 404;
            case NORMAL_CLEARING, NO_ANSWER, SUBSCRIBER_ABSENT, NORMAL_UNSPECIFIED -> 480;
            case USER_BUSY -> 486;
            case NO_USER_RESPONSE -> 408;
            case CALL_REJECTED, BEARERCAPABILITY_NOTAUTH -> 403;
            case NUMBER_CHANGED, REDIRECTED_TO_NEW_DESTINATION -> 410;
            case DESTINATION_OUT_OF_ORDER -> 502;
            case INVALID_NUMBER_FORMAT -> 484;
            case FACILITY_REJECTED, FACILITY_NOT_IMPLEMENTED -> 501;
            case NORMAL_CIRCUIT_CONGESTION, NETWORK_OUT_OF_ORDER, NORMAL_TEMPORARY_FAILURE, SWITCH_CONGESTION,
                    BEARERCAPABILITY_NOTAVAIL, INCOMPATIBLE_DESTINATION -> 503;
            case BEARERCAPABILITY_NOTIMPL -> 488;
            case RECOVERY_ON_TIMER_EXPIRE -> 504;
            default -> 500;
        });
    }

    /** The cause a failure response with this status code stands for. */
    public static HangupCause fromSipStatus(int status) {
        return switch (status) {
            case 400, 481, 500, 503 -> HangupCause.NORMAL_TEMPORARY_FAILURE;
            case 401, 402, 403, 407, 603 -> HangupCause.CALL_REJECTED;
            case 404, 485, 604 -> HangupCause.UNALLOCATED;
            case 405 -> fromCodeOrClass(63); // service or option unavailable
            case 406, 415, 501 -> fromCodeOrClass(79); // service or option not implemented
            case 408, 504 -> HangupCause.RECOVERY_ON_TIMER_EXPIRE;
            case 410 -> HangupCause.NUMBER_CHANGED;
            case 413, 414, 416, 420, 421, 423, 505, 513 -> HangupCause.INTERWORKING;
            case 480 -> HangupCause.NO_USER_RESPONSE;
            case 482, 483 -> fromCodeOrClass(25); // exchange routing error
            case 484 -> HangupCause.INVALID_NUMBER_FORMAT;
            case 486, 600 -> HangupCause.USER_BUSY;
            case 487 -> HangupCause.NORMAL_CLEARING;
            case 488 -> HangupCause.BEARERCAPABILITY_NOTIMPL;
            case 502 -> HangupCause.NETWORK_OUT_OF_ORDER;
            case 606 -> HangupCause.BEARERCAPABILITY_NOTAVAIL;
            default -> byClass(status);
        };
    }

    /**
     * The cause of a failure response: the Q.850 cause of its {@code Reason} header when there is
     * a usable one, otherwise the cause its status stands for.
     *
     * @param reasonHeader the {@code Reason} header value, or null when there is none
     */
    public static HangupCause fromResponse(int status, String reasonHeader) {
        return Q850Reason.parse(reasonHeader).orElseGet(() -> fromSipStatus(status));
    }

    private static HangupCause byClass(int status) {
        if (status >= 400 && status <= 599) {
            return HangupCause.NORMAL_TEMPORARY_FAILURE;
        }
        if (status >= 600 && status <= 699) {
            return HangupCause.CALL_REJECTED;
        }
        return HangupCause.INTERWORKING;
    }
}
