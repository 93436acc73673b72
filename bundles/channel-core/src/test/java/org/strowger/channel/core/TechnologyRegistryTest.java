package org.strowger.channel.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.strowger.channel.ChannelTechnology;
import org.strowger.channel.TechnologyInfo;
import org.strowger.channel.TechnologyName;

class TechnologyRegistryTest {

    private final TechnologyRegistry registry = new TechnologyRegistry();

    @Test
    void firstDriverOfANameServesAndASecondWaitsInLine() {
        ChannelTechnology first = () -> "first";
        ChannelTechnology second = () -> "second";

        assertThat(registry.add(first, info("SIP", "a"))).isEqualTo(TechnologyRegistry.Change.NOW_SERVING);
        assertThat(registry.add(second, info("sip", "b"))).isEqualTo(TechnologyRegistry.Change.QUEUED_BEHIND_EXISTING);

        assertThat(registry.serving(TechnologyName.of("SIP"))).get()
                .extracting(TechnologyRegistry.Registration::technology).isSameAs(first);
    }

    @Test
    void whenTheServingDriverLeavesTheNextInLineTakesOver() {
        ChannelTechnology first = () -> "first";
        ChannelTechnology second = () -> "second";
        registry.add(first, info("SIP", "a"));
        registry.add(second, info("SIP", "b"));

        assertThat(registry.remove(first, TechnologyName.of("SIP")).change())
                .isEqualTo(TechnologyRegistry.Change.NO_LONGER_SERVING);

        assertThat(registry.serving(TechnologyName.of("SIP"))).get()
                .extracting(TechnologyRegistry.Registration::technology).isSameAs(second);
    }

    @Test
    void removingAStandbyLeavesTheServingDriverInPlace() {
        ChannelTechnology first = () -> "first";
        ChannelTechnology second = () -> "second";
        registry.add(first, info("SIP", "a"));
        registry.add(second, info("SIP", "b"));

        assertThat(registry.remove(second, TechnologyName.of("SIP")).change())
                .isEqualTo(TechnologyRegistry.Change.REMOVED_FROM_QUEUE);
        assertThat(registry.serving(TechnologyName.of("SIP"))).get()
                .extracting(TechnologyRegistry.Registration::technology).isSameAs(first);
    }

    @Test
    void lastDriverLeavingRemovesTheName() {
        ChannelTechnology only = () -> "only";
        registry.add(only, info("Test", "a"));

        registry.remove(only, TechnologyName.of("Test"));

        assertThat(registry.serving(TechnologyName.of("Test"))).isEmpty();
        assertThat(registry.servingInfos()).isEmpty();
        assertThat(registry.remove(only, TechnologyName.of("Test")).change()).isEqualTo(TechnologyRegistry.Change.UNKNOWN);
    }

    @Test
    void servingInfosAreSortedByNameIgnoringCase() {
        registry.add(() -> "", info("mISDN", "a"));
        registry.add(() -> "", info("SIP", "b"));
        registry.add(() -> "", info("Local", "c"));

        assertThat(registry.servingInfos()).extracting(info -> info.name().toString())
                .containsExactly("Local", "mISDN", "SIP");
    }

    private static TechnologyInfo info(String name, String bundle) {
        return new TechnologyInfo(TechnologyName.of(name), "", bundle, "1.0.0");
    }
}
