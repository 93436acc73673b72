package org.strowger.misdn.internal.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.strowger.channel.frame.Codec;

/**
 * The driver's settings once checked.
 *
 * @param hardware the kernel's card rather than the simulated one
 * @param simulatedPairs pairs of simulated ports
 * @param primaryRate simulated E1 ports (30 B-channels)
 * @param tick the simulated cable's tick
 * @param law the G.711 law on the B-channels
 * @param ports the configured ports
 */
public record MisdnSettings(boolean hardware, int simulatedPairs, boolean primaryRate, Duration tick, Codec law,
        List<PortSpec> ports) {

    /**
     * Checks a configuration.
     *
     * @throws IllegalArgumentException naming the setting that is wrong and what it should be
     */
    public static MisdnSettings of(String card, int simulatedPairs, boolean primaryRate, int tickMillis, String law,
            String ports) {
        boolean hardware = switch (card == null ? "" : card.trim().toLowerCase(Locale.ROOT)) {
            case "simulated" -> false;
            case "hardware" -> true;
            default -> throw new IllegalArgumentException("card: '" + card + "' is not simulated or hardware");
        };
        if (simulatedPairs < 1 || simulatedPairs > 32) {
            throw new IllegalArgumentException("simulatedPairs: " + simulatedPairs + " is out of range 1..32 (a simulated card has at most 32 pairs)");
        }
        if (tickMillis < 1 || tickMillis > 1000) {
            throw new IllegalArgumentException("tickMillis: " + tickMillis + " is out of range 1..1000 (16 is usual)");
        }
        Codec codec = switch (law == null ? "" : law.trim().toLowerCase(Locale.ROOT)) {
            case "alaw" -> Codec.ALAW;
            case "ulaw" -> Codec.ULAW;
            default -> throw new IllegalArgumentException("law: '" + law + "' is not alaw or ulaw");
        };
        return new MisdnSettings(hardware, simulatedPairs, primaryRate, Duration.ofMillis(tickMillis), codec,
                PortSpecs.parse(ports));
    }

    public static MisdnSettings of(MisdnConfig config) {
        return of(config.card(), config.simulatedPairs(), config.primaryRate(), config.tickMillis(), config.law(),
                config.ports());
    }

    /** The demo's settings (the defaults of {@link MisdnConfig}). */
    public static MisdnSettings demo() {
        return of("simulated", 1, false, 16, "alaw", PortSpecs.DEMO);
    }
}
