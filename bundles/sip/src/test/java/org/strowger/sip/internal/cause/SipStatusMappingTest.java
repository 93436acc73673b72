package org.strowger.sip.internal.cause;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.strowger.channel.HangupCause;

class SipStatusMappingTest {

    /** Every cause of the enum, so a new one shows up here as a failing test until it is decided. */
    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
        // RFC 3398 §8.2.6.1
        "UNALLOCATED                   | 404 | Not Found",
        "NO_ROUTE_TRANSIT_NET          | 404 | Not Found",
        "NO_ROUTE_DESTINATION          | 404 | Not Found",
        "USER_BUSY                     | 486 | Busy Here",
        "NO_USER_RESPONSE              | 408 | Request Timeout",
        "NO_ANSWER                     | 480 | Temporarily Unavailable",
        "SUBSCRIBER_ABSENT             | 480 | Temporarily Unavailable",
        "CALL_REJECTED                 | 403 | Forbidden",
        "NUMBER_CHANGED                | 410 | Gone",
        "REDIRECTED_TO_NEW_DESTINATION | 410 | Gone",
        "ANSWERED_ELSEWHERE            | 404 | Not Found",
        "DESTINATION_OUT_OF_ORDER      | 502 | Bad Gateway",
        "INVALID_NUMBER_FORMAT         | 484 | Address Incomplete",
        "FACILITY_REJECTED             | 501 | Not Implemented",
        "NORMAL_UNSPECIFIED            | 480 | Temporarily Unavailable",
        "NORMAL_CIRCUIT_CONGESTION     | 503 | Service Unavailable",
        "NETWORK_OUT_OF_ORDER          | 503 | Service Unavailable",
        "NORMAL_TEMPORARY_FAILURE      | 503 | Service Unavailable",
        "SWITCH_CONGESTION             | 503 | Service Unavailable",
        "BEARERCAPABILITY_NOTAUTH      | 403 | Forbidden",
        "BEARERCAPABILITY_NOTAVAIL     | 503 | Service Unavailable",
        "BEARERCAPABILITY_NOTIMPL      | 488 | Not Acceptable Here",
        "INCOMPATIBLE_DESTINATION      | 503 | Service Unavailable",
        "RECOVERY_ON_TIMER_EXPIRE      | 504 | Server Time-out",
        "PROTOCOL_ERROR                | 500 | Server Internal Error",
        "INTERWORKING                  | 500 | Server Internal Error",
        // our choices where the RFC has no row
        "NORMAL_CLEARING               | 480 | Temporarily Unavailable",
        "FACILITY_NOT_IMPLEMENTED      | 501 | Not Implemented",
        // the default
        "CHANNEL_UNACCEPTABLE          | 500 | Server Internal Error",
        "CALL_AWARDED_DELIVERED        | 500 | Server Internal Error",
        "RESPONSE_TO_STATUS_ENQUIRY    | 500 | Server Internal Error",
        "ACCESS_INFO_DISCARDED         | 500 | Server Internal Error",
        "REQUESTED_CHAN_UNAVAIL        | 500 | Server Internal Error",
        "FACILITY_NOT_SUBSCRIBED       | 500 | Server Internal Error",
        "OUTGOING_CALL_BARRED          | 500 | Server Internal Error",
        "INCOMING_CALL_BARRED          | 500 | Server Internal Error",
        "CHAN_NOT_IMPLEMENTED          | 500 | Server Internal Error",
        "INVALID_CALL_REFERENCE        | 500 | Server Internal Error",
        "INVALID_MSG_UNSPECIFIED       | 500 | Server Internal Error",
        "MANDATORY_IE_MISSING          | 500 | Server Internal Error",
        "MESSAGE_TYPE_NONEXIST         | 500 | Server Internal Error",
        "WRONG_MESSAGE                 | 500 | Server Internal Error",
        "IE_NONEXIST                   | 500 | Server Internal Error",
        "INVALID_IE_CONTENTS           | 500 | Server Internal Error",
        "WRONG_CALL_STATE              | 500 | Server Internal Error",
        "MANDATORY_IE_LENGTH_ERROR     | 500 | Server Internal Error",
    })
    void causeToStatus(HangupCause cause, int code, String phrase) {
        assertThat(SipStatusMapping.toSipStatus(cause)).isEqualTo(new SipStatus(code, phrase));
    }

    @Test
    void theCauseTableAboveCoversTheWholeEnum() {
        // keep in step with the CsvSource of causeToStatus
        assertThat(HangupCause.values()).hasSize(46);
    }

    @ParameterizedTest
    @EnumSource(HangupCause.class)
    void everyCauseGivesAFailureStatusWithAPhrase(HangupCause cause) {
        SipStatus status = SipStatusMapping.toSipStatus(cause);

        assertThat(status.code()).isBetween(400, 699);
        assertThat(status.reasonPhrase()).isNotBlank().isNotEqualTo("Unknown");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // RFC 3398 §7.2.4.1
        "400 | NORMAL_TEMPORARY_FAILURE",
        "401 | CALL_REJECTED",
        "402 | CALL_REJECTED",
        "403 | CALL_REJECTED",
        "404 | UNALLOCATED",
        "405 | FACILITY_REJECTED",          // 63, not in our enum: its class's unspecified cause
        "406 | FACILITY_NOT_IMPLEMENTED",   // 79, likewise
        "407 | CALL_REJECTED",
        "408 | RECOVERY_ON_TIMER_EXPIRE",
        "410 | NUMBER_CHANGED",
        "413 | INTERWORKING",
        "414 | INTERWORKING",
        "415 | FACILITY_NOT_IMPLEMENTED",   // 79
        "416 | INTERWORKING",
        "420 | INTERWORKING",
        "421 | INTERWORKING",
        "423 | INTERWORKING",
        "480 | NO_USER_RESPONSE",
        "481 | NORMAL_TEMPORARY_FAILURE",
        "482 | NORMAL_UNSPECIFIED",         // 25, not in our enum
        "483 | NORMAL_UNSPECIFIED",         // 25
        "484 | INVALID_NUMBER_FORMAT",
        "485 | UNALLOCATED",
        "486 | USER_BUSY",
        "500 | NORMAL_TEMPORARY_FAILURE",
        "501 | FACILITY_NOT_IMPLEMENTED",   // 79
        "502 | NETWORK_OUT_OF_ORDER",
        "503 | NORMAL_TEMPORARY_FAILURE",
        "504 | RECOVERY_ON_TIMER_EXPIRE",
        "505 | INTERWORKING",
        "513 | INTERWORKING",
        "600 | USER_BUSY",
        "603 | CALL_REJECTED",
        "604 | UNALLOCATED",
        // where the RFC gives no cause
        "487 | NORMAL_CLEARING",
        "488 | BEARERCAPABILITY_NOTIMPL",
        "606 | BEARERCAPABILITY_NOTAVAIL",
    })
    void statusToCause(int status, HangupCause cause) {
        assertThat(SipStatusMapping.fromSipStatus(status)).isEqualTo(cause);
    }

    @ParameterizedTest
    @ValueSource(ints = {409, 411, 412, 417, 422, 428, 489, 491, 493, 494, 499, 555, 580, 599})
    void otherClientAndServerErrorsCountAsTemporaryFailures(int status) {
        assertThat(SipStatusMapping.fromSipStatus(status)).isEqualTo(HangupCause.NORMAL_TEMPORARY_FAILURE);
    }

    @ParameterizedTest
    @ValueSource(ints = {601, 605, 607, 608, 699})
    void otherGlobalFailuresAreRejections(int status) {
        assertThat(SipStatusMapping.fromSipStatus(status)).isEqualTo(HangupCause.CALL_REJECTED);
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 99, 100, 180, 200, 302, 399, 700, 999, Integer.MAX_VALUE})
    void nonFailureCodesAreInterworking(int status) {
        assertThat(SipStatusMapping.fromSipStatus(status)).isEqualTo(HangupCause.INTERWORKING);
    }

    @Test
    void theCommonCausesSurviveARoundTrip() {
        Set<HangupCause> stable = EnumSet.of(HangupCause.UNALLOCATED, HangupCause.USER_BUSY,
                HangupCause.INVALID_NUMBER_FORMAT, HangupCause.NUMBER_CHANGED, HangupCause.RECOVERY_ON_TIMER_EXPIRE,
                HangupCause.BEARERCAPABILITY_NOTIMPL, HangupCause.FACILITY_NOT_IMPLEMENTED);
        for (HangupCause cause : stable) {
            assertThat(SipStatusMapping.fromSipStatus(SipStatusMapping.toSipStatus(cause).code()))
                    .as("%s", cause).isEqualTo(cause);
        }
    }

    @Test
    void reasonHeaderWinsOverTheStatus() {
        assertThat(SipStatusMapping.fromResponse(503, "Q.850;cause=34;text=\"NORMAL_CIRCUIT_CONGESTION\""))
                .isEqualTo(HangupCause.NORMAL_CIRCUIT_CONGESTION);
        assertThat(SipStatusMapping.fromResponse(480, "Q.850;cause=19")).isEqualTo(HangupCause.NO_ANSWER);
    }

    @Test
    void statusDecidesWhenTheReasonIsAbsentOrUnusable() {
        assertThat(SipStatusMapping.fromResponse(486, null)).isEqualTo(HangupCause.USER_BUSY);
        assertThat(SipStatusMapping.fromResponse(486, "SIP;cause=200")).isEqualTo(HangupCause.USER_BUSY);
        assertThat(SipStatusMapping.fromResponse(486, "Q.850;cause=banana")).isEqualTo(HangupCause.USER_BUSY);
    }
}
