package org.strowger.pbx;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.strowger.channel.Channel;

/**
 * Plays the PBX's prompts ({@code sounds/<language>/<name>.ulaw}) to a channel that no
 * application and no bridge is reading: for features that talk to a caller outside the dialplan
 * (the parking announcement, the transfer prompt). Provided by the PBX.
 *
 * @since 0.3
 */
@ProviderType
public interface PromptPlayer {

    /**
     * Plays the prompts one after the other at real-time pace, reading and dropping what the
     * channel sends meanwhile; blocks until done. A missing prompt is logged and skipped.
     *
     * @return false when the channel hung up before the end
     */
    boolean play(Channel channel, List<String> prompts) throws InterruptedException;

    /**
     * Plays the prompts like {@link #play} but stops at the first key the channel presses
     * (the transfer prompt: the caller may start dialling at once).
     *
     * @return the key that stopped it; empty when the prompts ended or the channel hung up
     */
    java.util.Optional<Character> playUntilKey(Channel channel, List<String> prompts) throws InterruptedException;

    /** The prompt names that say these digits ({@code 0-9 * #}), for {@link #play}. */
    List<String> digits(String digits);
}
