package org.strowger.sip.internal.cause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.strowger.channel.HangupCause;

class Q850ReasonTest {

    @Test
    void formatsWithTheAsteriskName() {
        assertThat(Q850Reason.format(HangupCause.USER_BUSY)).isEqualTo("Q.850;cause=17;text=\"USER_BUSY\"");
    }

    @ParameterizedTest
    @EnumSource(HangupCause.class)
    void everyCauseParsesBack(HangupCause cause) {
        assertThat(Q850Reason.parse(Q850Reason.format(cause))).contains(cause);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Q.850;cause=17;text=\"User busy\"                             | USER_BUSY",
        "Q.850;cause=16                                                | NORMAL_CLEARING",
        "q.850;CAUSE=16                                                | NORMAL_CLEARING",
        "  Q.850 ; cause = 21 ; text = \"Call rejected\"               | CALL_REJECTED",
        "Q.850;text=\"cause=1\";cause=34                               | NORMAL_CIRCUIT_CONGESTION",
        "Q.850;text=\"say \\\"hi\\\"; cause=1\";cause=17                 | USER_BUSY",
        "SIP;cause=200;text=\"Call completed elsewhere\", Q.850;cause=26 | ANSWERED_ELSEWHERE",
        "SIP;cause=487;text=\"a, Q.850;cause=1\", Q.850;cause=17         | USER_BUSY",
        "Q.850;cause=oops, Q.850;cause=18                               | NO_USER_RESPONSE",
        "Q.850;cause=017                                               | USER_BUSY",
        "Q.850;cause=47                                                | NORMAL_TEMPORARY_FAILURE",
        "Q.850;cause=79                                                | FACILITY_NOT_IMPLEMENTED",
        "Q.850;cause=127                                               | INTERWORKING",
    })
    void findsTheQ850Cause(String header, HangupCause cause) {
        assertThat(Q850Reason.parse(header)).contains(cause);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        " ", ",", ";", "Q.850", "Q.850;", "Q.850;cause", "Q.850;cause=", "Q.850;cause=abc", "Q.850;cause=0",
        "Q.850;cause=128", "Q.850;cause=1000", "Q.850;cause=99999999999999999999", "Q.850;cause=-5",
        "Q.850;cause=+5", "Q.850;cause=1 7", "Q.850;cause=\u0661\u0667", "Q.850;text=\"cause=17\"",
        "SIP;cause=486;text=\"Busy Here\"", "Q.8500;cause=17", "Q850;cause=17", "\"Q.850;cause=17\"",
        "Q.850;text=\"unterminated;cause=17", "Q.850;cause=\"17\"", "Q.850 cause=17", "cause=17",
    })
    void garbageHasNoCause(String header) {
        assertThat(Q850Reason.parse(header)).isEmpty();
    }

    @Test
    void randomInputNeverThrows() {
        Random random = new Random(3326);
        String alphabet = "Q.850;cause=17text\"\\, SIP\u0000";
        for (int i = 0; i < 10_000; i++) {
            StringBuilder input = new StringBuilder();
            int length = random.nextInt(40);
            for (int j = 0; j < length; j++) {
                input.append(random.nextInt(8) == 0
                        ? (char) random.nextInt(0x10000)
                        : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            try {
                Q850Reason.parse(input.toString());
            } catch (RuntimeException e) {
                fail("parse threw " + e + " for '" + input + "'", e);
            }
        }
    }
}
