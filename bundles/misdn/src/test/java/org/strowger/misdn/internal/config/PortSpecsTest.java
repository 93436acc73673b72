package org.strowger.misdn.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.strowger.misdn.card.PortRole;

/** The ports setting: what it accepts, and errors that name the setting, the entry and the fix. */
class PortSpecsTest {

    @Test
    void theDemoIsPort1TeOutAndPort2NtIn() {
        assertThat(PortSpecs.parse(PortSpecs.DEMO)).containsExactly(
                new PortSpec(1, PortRole.TE, false, List.of("out"), "from-isdn-te"),
                new PortSpec(2, PortRole.NT, false, List.of("in"), "from-isdn"));
    }

    @Test
    void optionsComeInAnyOrderWithDefaultsAndRepeatedGroups() {
        assertThat(PortSpecs.parse(" 3:NT:group=a:ptmp:group=b \n 4:te")).containsExactly(
                new PortSpec(3, PortRole.NT, true, List.of("a", "b"), "from-isdn"),
                new PortSpec(4, PortRole.TE, false, List.of(), "from-isdn"));
    }

    @Test
    void mistakesNameTheSettingTheEntryAndWhatIsWrong() {
        assertThatThrownBy(() -> PortSpecs.parse("")).hasMessageStartingWith("ports: no port configured");
        assertThatThrownBy(() -> PortSpecs.parse("1")).hasMessageContaining("ports: entry 1 '1'")
                .hasMessageContaining("PORT:ROLE");
        assertThatThrownBy(() -> PortSpecs.parse("x:te")).hasMessageContaining("'x' is not a number");
        assertThatThrownBy(() -> PortSpecs.parse("0:te")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> PortSpecs.parse("1:te, 2:ab")).hasMessageContaining("entry 2 '2:ab'")
                .hasMessageContaining("role 'ab' is not te or nt");
        assertThatThrownBy(() -> PortSpecs.parse("1:te:ptp:ptmp")).hasMessageContaining("ptp or ptmp given twice");
        assertThatThrownBy(() -> PortSpecs.parse("1:te:colour=red")).hasMessageContaining("unknown option 'colour=red'");
        assertThatThrownBy(() -> PortSpecs.parse("1:te:group=a b")).hasMessageContaining("group 'a b'");
        assertThatThrownBy(() -> PortSpecs.parse("1:te, 1:nt")).hasMessageContaining("port 1 is configured twice");
    }

    @Test
    void theOtherSettingsAreCheckedByName() {
        assertThatThrownBy(() -> MisdnSettings.of("pci", 1, false, 16, "alaw", PortSpecs.DEMO))
                .hasMessageStartingWith("card: 'pci'");
        assertThatThrownBy(() -> MisdnSettings.of("simulated", 0, false, 16, "alaw", PortSpecs.DEMO))
                .hasMessageStartingWith("simulatedPairs:");
        assertThatThrownBy(() -> MisdnSettings.of("simulated", 33, false, 16, "alaw", PortSpecs.DEMO))
                .hasMessageStartingWith("simulatedPairs: 33 is out of range 1..32");
        assertThatThrownBy(() -> MisdnSettings.of("simulated", 1, false, 0, "alaw", PortSpecs.DEMO))
                .hasMessageStartingWith("tickMillis:");
        assertThatThrownBy(() -> MisdnSettings.of("simulated", 1, false, 16, "gsm", PortSpecs.DEMO))
                .hasMessageStartingWith("law: 'gsm'");
        assertThat(MisdnSettings.of("HARDWARE", 1, true, 16, "ulaw", "1:te").hardware()).isTrue();
    }
}
