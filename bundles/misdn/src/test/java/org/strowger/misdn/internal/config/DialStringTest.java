package org.strowger.misdn.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** mISDN/PORT/NUMBER and mISDN/g:GROUP/NUMBER, and nothing else. */
class DialStringTest {

    @Test
    void portAndGroupForms() {
        assertThat(DialString.parse("1/2600")).isEqualTo(new DialString(1, "", "2600"));
        assertThat(DialString.parse("g:out/+4930*1#")).isEqualTo(new DialString(0, "out", "+4930*1#"));
        assertThat(DialString.parse("g:out/2600").byGroup()).isTrue();
    }

    @Test
    void anythingElseIsRefusedWithTheFormsToUse() {
        for (String bad : new String[] {"", "2600", "1/", "/2600", "1/26a0", "g:/1", "x:out/1", "1/2600/3", "0/1"}) {
            assertThatThrownBy(() -> DialString.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("mISDN dial string");
        }
    }
}
