package org.strowger.transfer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.strowger.channel.core.EmbeddedChannelCore;
import org.strowger.transfer.FeatureSettings;

/** The feature configuration: defaults, a live change, and a bad value refused with the old settings kept. */
class SettingsTest {

    /** A configuration as ConfigAdmin would hand it over: defaults, with one value changed. */
    private static FeaturesConfig config(String parkpos, String blindxfer) {
        return new FeaturesConfig() {
            @Override public Class<? extends Annotation> annotationType() { return FeaturesConfig.class; }
            @Override public String blindxfer() { return blindxfer; }
            @Override public String atxfer() { return "*2"; }
            @Override public String disconnect() { return "*0"; }
            @Override public String parkcall() { return "#72"; }
            @Override public int featuredigittimeout() { return 1000; }
            @Override public int transferdigittimeout() { return 3; }
            @Override public int atxfernoanswertimeout() { return 15; }
            @Override public int atxferloopdelay() { return 10; }
            @Override public int atxfercallbackretries() { return 2; }
            @Override public boolean atxferdropcall() { return false; }
            @Override public String parkext() { return "700"; }
            @Override public String parkpos() { return parkpos; }
            @Override public String parkcontext() { return "parkedcalls"; }
            @Override public int parkingtime() { return 45; }
            @Override public boolean comebacktoorigin() { return true; }
        };
    }

    @Test
    void theDefaultsAreThoseOfTheIssueAndTheDemo() {
        FeatureSettings read = Settings.read(config("701-720", "#1"));

        assertThat(read).isEqualTo(Settings.defaults());
        assertThat(read.featureDigitTimeout()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void badValuesAreRefusedWithTheirName() {
        assertThatThrownBy(() -> Settings.read(config("720-701", "#1"))).hasMessageContaining("parkpos");
        assertThatThrownBy(() -> Settings.read(config("seven", "#1"))).hasMessageContaining("parkpos");
        assertThatThrownBy(() -> Settings.read(config("701-720", "#x"))).hasMessageContaining("blindxfer");
        assertThat(Settings.read(config("701-720", "")).blindTransfer()).isEmpty();
        assertThatThrownBy(() -> Settings.read(config("701-720", "*2")))
                .hasMessageContaining("blindxfer '*2' and atxfer '*2' clash: they are the same code");
        assertThatThrownBy(() -> Settings.read(config("701-720", "#7")))
                .hasMessageContaining("blindxfer '#7' and parkcall '#72' clash");
    }

    @Test
    void aLiveChangeAppliesAndABadOneKeepsThePreviousSettings() {
        try (EmbeddedChannelCore core = new EmbeddedChannelCore(true)) {
            TransferComponent component = new TransferComponent(core.service(), config("701-720", "#1"));
            try {
                component.modified(config("801-805", "#9"));
                assertThat(component.settings().blindTransfer()).isEqualTo("#9");
                assertThat(component.settings().firstSlot()).isEqualTo(801);

                component.modified(config("nonsense", "#1"));

                assertThat(component.settings().blindTransfer()).isEqualTo("#9");
                assertThat(component.settings().lastSlot()).isEqualTo(805);
            } finally {
                component.deactivate();
            }
        }
    }
}
