package org.strowger.misdn.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.strowger.misdn.MisdnAdmin;
import org.strowger.misdn.PortStatus;

/** What misdn:ports and misdn:trace print and refuse. */
class MisdnCommandsTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** A driver with the demo's two ports, or an unavailable one. */
    private static final class FakeAdmin implements MisdnAdmin {
        final boolean available;
        final Map<Integer, Boolean> traces = new HashMap<>();

        FakeAdmin(boolean available) {
            this.available = available;
        }

        @Override
        public boolean available() {
            return available;
        }

        @Override
        public String unavailableReason() {
            return available ? "" : "mISDN unavailable (EAFNOSUPPORT)";
        }

        @Override
        public boolean simulated() {
            return true;
        }

        @Override
        public List<PortStatus> ports() {
            return !available ? List.of() : List.of(
                    new PortStatus(1, "sim.1", "TE", false, true, true, 2, 1, List.of("out"), "from-isdn-te"),
                    new PortStatus(2, "sim.2", "NT", true, false, false, 30, 0, List.of(), "from-isdn"));
        }

        @Override
        public boolean trace(int port, boolean on) {
            if (port < 1 || port > 2) {
                return false;
            }
            traces.put(port, on);
            return true;
        }

        @Override
        public boolean tracing(int port) {
            return traces.getOrDefault(port, false);
        }

        final Map<Integer, Boolean> cables = new HashMap<>();

        @Override
        public boolean simulateCable(int port, boolean plugged) {
            if (port < 1 || port > 2) {
                return false;
            }
            cables.put(port, plugged);
            return true;
        }
    }

    @Test
    void cablePullsAndPlugsAPortOfTheSimulatedCard() {
        FakeAdmin admin = new FakeAdmin(true);

        CableCommand.run(out, admin, 1, "unplug");
        CableCommand.run(out, admin, 1, "plug");

        assertThat(printed()).contains("Cable of port 1 pulled", "Cable of port 1 plugged back in");
        assertThat(admin.cables).containsEntry(1, true);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CableCommand.run(out, admin, 9, "unplug"))
                .hasMessageContaining("no mISDN port 9");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CableCommand.run(out, admin, 1, "yank"))
                .hasMessageContaining("'plug' or 'unplug'");
    }

    @Test
    void portsShowRoleModeLayersBChannelsGroupsContextAndCard() {
        PortsCommand.print(out, new FakeAdmin(true));

        List<String> lines = printed().lines().toList();
        assertThat(lines.get(0)).startsWith("Port").contains("Role", "Mode", "L1", "L2", "B in use", "Groups", "Context");
        assertThat(lines.get(1)).startsWith("1").contains("sim.1", "TE", "ptp", "up", "1/2", "out", "from-isdn-te")
                .endsWith("sim");
        assertThat(lines.get(2)).startsWith("2").contains("sim.2", "NT", "ptmp", "down", "0/30", " - ", "from-isdn");
        assertThat(lines.get(1).indexOf("TE")).isEqualTo(lines.get(2).indexOf("NT"));
        assertThat(lines.get(3)).isEqualTo("2 ports on the simulated card");
    }

    @Test
    void portsSayWhenMisdnIsUnavailable() {
        PortsCommand.print(out, new FakeAdmin(false));

        assertThat(printed()).isEqualTo("mISDN unavailable (EAFNOSUPPORT)\n");
    }

    @Test
    void traceTurnsAPortOnAndOff() {
        FakeAdmin admin = new FakeAdmin(true);

        TraceCommand.run(out, admin, 1, "on");
        assertThat(admin.tracing(1)).isTrue();
        TraceCommand.run(out, admin, 1, "OFF");
        assertThat(admin.tracing(1)).isFalse();
        assertThat(printed()).contains("Q.931 trace for port 1 is on", "Q.931 trace for port 1 is off");
    }

    @Test
    void traceRefusesUnknownPortsBadWordsAndAnUnavailableDriver() {
        assertThatThrownBy(() -> TraceCommand.run(out, new FakeAdmin(true), 9, "on"))
                .hasMessageContaining("no mISDN port 9");
        assertThatThrownBy(() -> TraceCommand.run(out, new FakeAdmin(true), 1, "yes"))
                .hasMessageContaining("'on' or 'off'");
        assertThatThrownBy(() -> TraceCommand.run(out, new FakeAdmin(false), 1, "on"))
                .hasMessageContaining("mISDN unavailable (EAFNOSUPPORT)");
    }
}
