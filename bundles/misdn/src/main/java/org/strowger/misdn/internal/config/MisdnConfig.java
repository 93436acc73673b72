package org.strowger.misdn.internal.config;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * The mISDN driver's settings, PID {@code org.strowger.misdn} ({@code etc/org.strowger.misdn.cfg}).
 * Without a configuration the defaults give the demo: a simulated card whose port 1 (TE, the
 * line out) is wired to port 2 (NT, the line in).
 */
@ObjectClassDefinition(name = "Strowger mISDN driver", description = "Card, line law and ports of the mISDN channel driver")
public @interface MisdnConfig {

    @AttributeDefinition(name = "Card", description = "simulated: ports wired back to back in memory (no kernel"
            + " support needed); hardware: the kernel's mISDN ports",
            options = {@Option(value = "simulated", label = "Simulated"), @Option(value = "hardware", label = "Hardware")})
    String card() default "simulated";

    @AttributeDefinition(name = "Simulated pairs", description = "Pairs of simulated ports wired back to back"
            + " (ports 1-2, 3-4, ...); simulated card only")
    int simulatedPairs() default 1;

    @AttributeDefinition(name = "Primary rate", description = "Simulated E1 ports with 30 B-channels instead of"
            + " S0 ports with 2; simulated card only")
    boolean primaryRate() default false;

    @AttributeDefinition(name = "Tick (ms)", description = "How often the simulated cable moves B-channel audio")
    int tickMillis() default 16;

    @AttributeDefinition(name = "Line law", description = "G.711 law on the B-channels: alaw (Europe) or ulaw",
            options = {@Option(value = "alaw", label = "A-law"), @Option(value = "ulaw", label = "µ-law")})
    String law() default "alaw";

    @AttributeDefinition(name = "Ports", description = "Comma-separated port entries PORT:ROLE[:OPTION]...:"
            + " PORT is 1-based, ROLE te or nt, options ptp or ptmp, group=NAME (repeatable),"
            + " context=NAME. Example: 1:te:ptp:group=out:context=from-isdn-te, 2:nt:ptp:group=in:context=from-isdn")
    String ports() default PortSpecs.DEMO;
}
