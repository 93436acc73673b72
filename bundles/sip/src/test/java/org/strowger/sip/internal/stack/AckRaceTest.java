package org.strowger.sip.internal.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/** The workaround reaches into JAIN-SIP: an upgrade that removes the hook must fail here, not silently in load. */
class AckRaceTest {

    @Test
    void theStacksAckHookIsThere() {
        assertThat(AckRace.available()).isTrue();
    }

    @Test
    void aDialogThatIsNotJainSipsOwnIsLeftAlone() {
        assertThatCode(() -> AckRace.recordIfMissed(null, 1)).doesNotThrowAnyException();
    }
}
