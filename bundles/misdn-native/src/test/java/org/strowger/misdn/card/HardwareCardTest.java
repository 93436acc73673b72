package org.strowger.misdn.card;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class HardwareCardTest {

    @Test
    void withoutMisdnInTheKernelHardwareIsUnavailable() {
        assumeFalse(Files.exists(Path.of("/sys/class/mISDN")), "this kernel has mISDN");
        assertThatThrownBy(Cards::hardware).isInstanceOf(MisdnUnavailableException.class)
                .hasMessageContaining("mISDN unavailable (EAFNOSUPPORT)");
    }
}
