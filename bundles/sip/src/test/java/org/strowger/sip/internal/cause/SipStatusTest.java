package org.strowger.sip.internal.cause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SipStatusTest {

    @Test
    void knowsTheStandardPhrases() {
        assertThat(SipStatus.of(486)).isEqualTo(new SipStatus(486, "Busy Here"));
        assertThat(SipStatus.of(486)).hasToString("486 Busy Here");
        assertThat(SipStatus.of(603).reasonPhrase()).isEqualTo("Decline");
    }

    @Test
    void unknownCodesStillGetAPhrase() {
        assertThat(SipStatus.of(499).reasonPhrase()).isEqualTo("Unknown");
    }

    @Test
    void refusesCodesOutsideSip() {
        assertThatThrownBy(() -> SipStatus.of(99)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SipStatus.of(700)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SipStatus(486, null)).isInstanceOf(NullPointerException.class);
    }
}
