package org.strowger.channel;

import java.util.Optional;

/**
 * Why a call ended: the ITU-T Q.850 cause values, with the names Asterisk users know
 * ({@code HANGUPCAUSE}) and the standard's descriptions.
 */
public enum HangupCause {
    UNALLOCATED(1, "Unallocated (unassigned) number"),
    NO_ROUTE_TRANSIT_NET(2, "No route to specified transit network"),
    NO_ROUTE_DESTINATION(3, "No route to destination"),
    CHANNEL_UNACCEPTABLE(6, "Channel unacceptable"),
    CALL_AWARDED_DELIVERED(7, "Call awarded and being delivered in an established channel"),
    NORMAL_CLEARING(16, "Normal clearing"),
    USER_BUSY(17, "User busy"),
    NO_USER_RESPONSE(18, "No user responding"),
    NO_ANSWER(19, "User alerting, no answer"),
    SUBSCRIBER_ABSENT(20, "Subscriber absent"),
    CALL_REJECTED(21, "Call rejected"),
    NUMBER_CHANGED(22, "Number changed"),
    REDIRECTED_TO_NEW_DESTINATION(23, "Redirected to new destination"),
    ANSWERED_ELSEWHERE(26, "Non-selected user clearing"),
    DESTINATION_OUT_OF_ORDER(27, "Destination out of order"),
    INVALID_NUMBER_FORMAT(28, "Invalid number format"),
    FACILITY_REJECTED(29, "Facility rejected"),
    RESPONSE_TO_STATUS_ENQUIRY(30, "Response to STATUS ENQUIRY"),
    NORMAL_UNSPECIFIED(31, "Normal, unspecified"),
    NORMAL_CIRCUIT_CONGESTION(34, "No circuit/channel available"),
    NETWORK_OUT_OF_ORDER(38, "Network out of order"),
    NORMAL_TEMPORARY_FAILURE(41, "Temporary failure"),
    SWITCH_CONGESTION(42, "Switching equipment congestion"),
    ACCESS_INFO_DISCARDED(43, "Access information discarded"),
    REQUESTED_CHAN_UNAVAIL(44, "Requested circuit/channel not available"),
    FACILITY_NOT_SUBSCRIBED(50, "Requested facility not subscribed"),
    OUTGOING_CALL_BARRED(52, "Outgoing calls barred"),
    INCOMING_CALL_BARRED(54, "Incoming calls barred"),
    BEARERCAPABILITY_NOTAUTH(57, "Bearer capability not authorized"),
    BEARERCAPABILITY_NOTAVAIL(58, "Bearer capability not presently available"),
    BEARERCAPABILITY_NOTIMPL(65, "Bearer capability not implemented"),
    CHAN_NOT_IMPLEMENTED(66, "Channel type not implemented"),
    FACILITY_NOT_IMPLEMENTED(69, "Requested facility not implemented"),
    INVALID_CALL_REFERENCE(81, "Invalid call reference value"),
    INCOMPATIBLE_DESTINATION(88, "Incompatible destination"),
    INVALID_MSG_UNSPECIFIED(95, "Invalid message, unspecified"),
    MANDATORY_IE_MISSING(96, "Mandatory information element is missing"),
    MESSAGE_TYPE_NONEXIST(97, "Message type non-existent or not implemented"),
    WRONG_MESSAGE(98, "Message not compatible with call state"),
    IE_NONEXIST(99, "Information element non-existent or not implemented"),
    INVALID_IE_CONTENTS(100, "Invalid information element contents"),
    WRONG_CALL_STATE(101, "Message not compatible with call state"),
    RECOVERY_ON_TIMER_EXPIRE(102, "Recovery on timer expiry"),
    MANDATORY_IE_LENGTH_ERROR(103, "Parameter non-existent or not implemented, passed on"),
    PROTOCOL_ERROR(111, "Protocol error, unspecified"),
    INTERWORKING(127, "Interworking, unspecified");

    private static final HangupCause[] BY_CODE = new HangupCause[128];

    static {
        for (HangupCause cause : values()) {
            BY_CODE[cause.code] = cause;
        }
    }

    private final int code;
    private final String description;

    HangupCause(int code, String description) {
        this.code = code;
        this.description = description;
    }

    /** The Q.850 value, 1 to 127. */
    public int code() {
        return code;
    }

    /** The standard's wording, for logs and the console. */
    public String description() {
        return description;
    }

    /** The cause with this Q.850 value, if it is one Strowger knows. */
    public static Optional<HangupCause> fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? Optional.ofNullable(BY_CODE[code]) : Optional.empty();
    }

    /**
     * The cause with this Q.850 value; an unknown value maps to the "unspecified" cause of its
     * class, as Q.850 asks receivers to do.
     */
    public static HangupCause fromCodeOrClass(int code) {
        return fromCode(code).orElseGet(() -> {
            if (code < 32) {
                return NORMAL_UNSPECIFIED;
            } else if (code < 48) {
                return NORMAL_TEMPORARY_FAILURE;
            } else if (code < 64) {
                return FACILITY_REJECTED;
            } else if (code < 80) {
                return FACILITY_NOT_IMPLEMENTED;
            } else if (code < 96) {
                return INVALID_MSG_UNSPECIFIED;
            } else if (code < 112) {
                return PROTOCOL_ERROR;
            }
            return INTERWORKING;
        });
    }

    @Override
    public String toString() {
        return name() + " (" + code + ")";
    }
}
