package org.strowger.sip.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.strowger.sip.DialogInfo;
import org.strowger.sip.EndpointStatus;
import org.strowger.sip.MediaStatistics;
import org.strowger.sip.RegistrationInfo;

/** What the sip: commands print: aligned columns, '-' for unknowns, and a count line. */
class SipTablesTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void endpointsShowKindAuthContactReachabilityAndRoundTrip() {
        EndpointsCommand.print(out, List.of(
                new EndpointStatus("alice", "internal", EndpointStatus.Kind.DYNAMIC,
                        Optional.of("sip:alice@127.0.0.1:5090"), EndpointStatus.Reachability.REACHABLE, 3, true, true),
                new EndpointStatus("loadgen", "load", EndpointStatus.Kind.STATIC, Optional.of("127.0.0.1:5061"),
                        EndpointStatus.Reachability.UNMONITORED, -1, false, false)),
                List.of("udp:127.0.0.1:5060"));

        List<String> lines = printed().lines().toList();
        assertThat(lines.get(0)).startsWith("Endpoint").contains("Contact", "Status", "RTT");
        assertThat(lines.get(1)).startsWith("alice").contains("dynamic", "digest", "sip:alice@127.0.0.1:5090",
                "reachable", "3 ms").endsWith("on");
        assertThat(lines.get(2)).startsWith("loadgen").contains("static", "address", "unmonitored", " - ")
                .endsWith("off");
        assertThat(lines.get(1).indexOf(" internal")).isEqualTo(lines.get(2).indexOf(" load "));
        assertThat(lines.get(3)).isEqualTo("2 endpoints; listening on udp:127.0.0.1:5060");
    }

    @Test
    void registrationsShowSecondsLeft() {
        Instant now = Instant.parse("2026-11-27T12:00:00Z");
        RegistrationsCommand.print(out, List.of(new RegistrationInfo("bob", "sip:bob@127.0.0.1:5092",
                "udp:127.0.0.1:5094", now.plusSeconds(299), "sipp")), now);

        assertThat(printed()).contains("bob", "sip:bob@127.0.0.1:5092", "udp:127.0.0.1:5094", "299 s", "sipp")
                .endsWith("1 registration\n");
    }

    @Test
    void dialogsShowTheirChannelAndHold() {
        DialogsCommand.print(out, List.of(new DialogInfo("abc@host", "alice", "inbound", "confirmed",
                "SIP/alice-00000001", "udp:127.0.0.1:5090", "PCMA 127.0.0.1:10000 <-> 127.0.0.1:16000", true)));

        assertThat(printed()).contains("abc@host", "SIP/alice-00000001", "PCMA", "yes")
                .endsWith("1 active SIP dialog\n");
    }

    @Test
    void mediaShowsTheLossRatio() {
        MediaCommand.print(out, new MediaStatistics(2, 999, 1000, 1, 0, 0));

        assertThat(printed()).contains("RTP sessions open: 2", "lost: 1", "loss: 0.1000 %");
    }
}
