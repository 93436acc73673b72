package org.strowger.misdn.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.strowger.misdn.MisdnAdmin;
import org.strowger.misdn.PortStatus;

/** The mISDN lines of strowger:status: one per port with its layers, or the reason mISDN is unavailable. */
class MisdnStatusContributorTest {

    @Test
    void showsEachPortsLayersAndBChannels() {
        MisdnAdmin admin = new FixedAdmin(true, "", List.of(
                new PortStatus(1, "sim.1", "TE", false, true, true, 30, 2, List.of(), "from-isdn-te"),
                new PortStatus(2, "sim.2", "NT", false, true, false, 30, 0, List.of("out"), "from-isdn")));

        assertThat(new MisdnStatusContributor(admin).lines()).containsExactly(
                "Simulated card, 2 ports",
                "Port 1 (sim.1, TE): L1 up, L2 up, B-channels 2/30 in use",
                "Port 2 (sim.2, NT): L1 up, L2 down, B-channels 0/30 in use");
    }

    @Test
    void saysWhyWhenUnavailable() {
        assertThat(new MisdnStatusContributor(new FixedAdmin(false, "mISDN unavailable (EAFNOSUPPORT)", List.of())).lines())
                .containsExactly("mISDN unavailable (EAFNOSUPPORT)");
        assertThat(new MisdnStatusContributor(new FixedAdmin(false, "port 3: no such card port", List.of())).lines())
                .containsExactly("mISDN unavailable (port 3: no such card port)");
    }

    private record FixedAdmin(boolean available, String unavailableReason, List<PortStatus> ports)
            implements MisdnAdmin {

        @Override
        public boolean simulated() {
            return true;
        }

        @Override
        public boolean trace(int port, boolean on) {
            return false;
        }

        @Override
        public boolean tracing(int port) {
            return false;
        }

        @Override
        public boolean simulateCable(int port, boolean plugged) {
            return false;
        }
    }
}
