package org.strowger.misdn;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Operator view and controls of the running mISDN driver (console, management tools). */
@ProviderType
public interface MisdnAdmin {

    /** True when the card opened and the configuration was accepted: the driver can place and take calls. */
    boolean available();

    /**
     * Why the driver cannot place or take calls, for example {@code mISDN unavailable (EAFNOSUPPORT)}
     * or a configuration error naming the setting; empty when {@link #available()}.
     */
    String unavailableReason();

    /** True when the ports are the simulated card's rather than the kernel's. */
    boolean simulated();

    /** The configured ports, in port order; empty when not {@link #available()}. */
    List<PortStatus> ports();

    /**
     * Turns logging of every Q.931 message on a port (logger {@code org.strowger.misdn.trace}) on or off.
     *
     * @param port the port number (1-based) as configured
     * @return false when no port has that number
     */
    boolean trace(int port, boolean on);

    /** Whether Q.931 messages of a port are logged; false for an unknown port. */
    boolean tracing(int port);

    /**
     * The simulated card only: pulls ({@code plugged} false) or plugs back in the cable of a port's
     * pair, to see what calls do when a line fails (they end with cause 38).
     *
     * @return false when no port has that number
     * @throws IllegalStateException on the kernel's cards (nobody can pull a real cable from here)
     */
    boolean simulateCable(int port, boolean plugged);
}
