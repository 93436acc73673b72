package org.strowger.channel.status;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A bundle's lines for the console's status overview ({@code strowger:status}), registered as a
 * service (whiteboard): a driver says how its endpoints, ports or parked calls stand without the
 * console importing its API.
 *
 * <p>Called from the console thread; an implementation answers from what it holds already and
 * never blocks on the network or a call.
 *
 * @since 0.1
 */
@ConsumerType
public interface StatusContributor {

    /** A short heading, for example {@code SIP}, {@code mISDN} or {@code Transfer}. */
    String name();

    /** One-line summaries, without line separators; empty when there is nothing to say. */
    List<String> lines();
}
