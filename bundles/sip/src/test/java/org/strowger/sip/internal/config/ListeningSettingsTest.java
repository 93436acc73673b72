package org.strowger.sip.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ListeningSettingsTest {

    private static ListeningSettings settings(int port, String transports) {
        return new ListeningSettings("127.0.0.1", "", port, transports, 10000, 20000, 1, 4, "Strowger");
    }

    @Test
    void equalSettingsNeedNoRestart() {
        assertThat(settings(5060, "udp,tcp")).isEqualTo(settings(5060, "udp,tcp"));
        assertThat(settings(5060, "udp,tcp").differencesFrom(settings(5060, "udp,tcp"))).isEmpty();
    }

    @Test
    void aChangedPortOrTransportIsNamedWithBothValues() {
        ListeningSettings before = settings(5060, "udp,tcp");
        ListeningSettings after = settings(5070, "udp");

        assertThat(after).isNotEqualTo(before);
        assertThat(after.differencesFrom(before)).isEqualTo("port 5060 -> 5070, transports udp,tcp -> udp");
    }
}
