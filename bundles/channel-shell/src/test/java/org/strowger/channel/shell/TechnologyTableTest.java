package org.strowger.channel.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.strowger.channel.TechnologyInfo;
import org.strowger.channel.TechnologyName;

class TechnologyTableTest {

    @Test
    void listsEachTechnologyInAlignedColumnsWithACount() {
        String table = new TechnologyTable(List.of(
                new TechnologyInfo(TechnologyName.of("SIP"), "SIP over UDP and TCP", "strowger-sip", "0.1.0"),
                new TechnologyInfo(TechnologyName.of("mISDN"), "ISDN cards", "strowger-misdn", "0.1.0")))
                .render();

        assertThat(table.lines()).containsExactly(
                "Technology  Bundle                Description",
                "SIP         strowger-sip 0.1.0    SIP over UDP and TCP",
                "mISDN       strowger-misdn 0.1.0  ISDN cards",
                "2 channel technologies registered");
    }

    @Test
    void saysSoWhenNoDriverIsRegistered() {
        assertThat(new TechnologyTable(List.of()).render()).isEqualTo("0 channel technologies registered");
    }
}
