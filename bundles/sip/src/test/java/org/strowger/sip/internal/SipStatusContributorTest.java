package org.strowger.sip.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.strowger.sip.DialogInfo;
import org.strowger.sip.EndpointStatus;
import org.strowger.sip.EndpointStatus.Kind;
import org.strowger.sip.EndpointStatus.Reachability;
import org.strowger.sip.MediaStatistics;
import org.strowger.sip.RegistrationInfo;
import org.strowger.sip.SipAdmin;

/** The SIP lines of strowger:status, from what the driver's admin view holds. */
class SipStatusContributorTest {

    @Test
    void countsEndpointsByReachabilityRegistrationsAndDialogs() {
        SipAdmin admin = new FixedAdmin(
                List.of(endpoint("alice", Reachability.REACHABLE), endpoint("bob", Reachability.REACHABLE),
                        endpoint("carol", Reachability.UNREACHABLE)),
                List.of(new RegistrationInfo("alice", "sip:alice@127.0.0.1:40000", "udp:127.0.0.1:40000",
                        Instant.EPOCH, "")),
                List.of(new DialogInfo("c1", "alice", "inbound", "confirmed", "SIP/alice-00000001", "udp:127.0.0.1:40000",
                        "PCMU", true)),
                List.of("udp:127.0.0.1:5060"));

        assertThat(new SipStatusContributor(admin).lines()).containsExactly(
                "Endpoints: 3 (2 reachable, 1 unreachable)",
                "Registrations: 1",
                "Dialogs: 1 (1 on hold)",
                "Listening on: udp:127.0.0.1:5060");
    }

    @Test
    void saysSoWhenNothingIsConfigured() {
        assertThat(new SipStatusContributor(new FixedAdmin(List.of(), List.of(), List.of(), List.of())).lines())
                .containsExactly("Endpoints: 0", "Registrations: 0", "Dialogs: 0", "Listening on: nothing");
    }

    private static EndpointStatus endpoint(String name, Reachability reachability) {
        return new EndpointStatus(name, "default", Kind.DYNAMIC, Optional.empty(), reachability, -1, true, false);
    }

    private record FixedAdmin(List<EndpointStatus> endpoints, List<RegistrationInfo> registrations,
            List<DialogInfo> dialogs, List<String> listeningPoints) implements SipAdmin {

        @Override
        public Optional<EndpointStatus> endpoint(String name) {
            return endpoints.stream().filter(endpoint -> endpoint.name().equals(name)).findFirst();
        }

        @Override
        public boolean trace(String endpoint, boolean on) {
            return false;
        }

        @Override
        public MediaStatistics mediaStatistics() {
            return new MediaStatistics(0, 0, 0, 0, 0, 0);
        }
    }
}
