package org.strowger.channel.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.strowger.channel.HangupCause;

class HangupCauseParserTest {

    @Test
    void readsAQ850Number() {
        assertThat(HangupCauseParser.parse("17")).isEqualTo(HangupCause.USER_BUSY);
        assertThat(HangupCauseParser.parse("016")).isEqualTo(HangupCause.NORMAL_CLEARING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NORMAL_CLEARING", "normal_clearing", "Normal_Clearing", " normal_clearing "})
    void readsACauseNameInAnyCase(String typed) {
        assertThat(HangupCauseParser.parse(typed)).isEqualTo(HangupCause.NORMAL_CLEARING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void defaultsToNormalClearing(String typed) {
        assertThat(HangupCauseParser.parse(typed)).isEqualTo(HangupCause.NORMAL_CLEARING);
        assertThat(HangupCauseParser.parse(null)).isEqualTo(HangupCause.NORMAL_CLEARING);
    }

    @Test
    void refusesAnUnknownNameSayingWhatIsAccepted() {
        assertThatIllegalArgumentException().isThrownBy(() -> HangupCauseParser.parse("busy"))
                .withMessageStartingWith("Unknown hangup cause 'busy':")
                .withMessageContaining("Q.850 cause number such as 16")
                .withMessageContaining("cause name such as NORMAL_CLEARING");
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "0", "128", "99999999999999999999", "-16"})
    void refusesANumberThatIsNoKnownCause(String typed) {
        assertThatIllegalArgumentException().isThrownBy(() -> HangupCauseParser.parse(typed))
                .withMessageStartingWith("Unknown hangup cause '" + typed + "':");
    }

    @Test
    void listsTheKnownNumbersWhenANumberIsUnknown() {
        assertThatIllegalArgumentException().isThrownBy(() -> HangupCauseParser.parse("5"))
                .withMessageContaining("(1, 2, 3, 6, 7, 16, 17,")
                .withMessageContaining("127)");
    }
}
