package org.strowger.transfer.internal;

import java.util.Optional;

import org.strowger.channel.Channel;
import org.strowger.channel.InboundCallHandler;
import org.strowger.pbx.DialplanAdmin;
import org.strowger.pbx.PromptPlayer;

/**
 * The PBX as the features see it: each part may be missing (the PBX bundle stopped), and each
 * use says what happens then.
 */
public interface Dialplan {

    /** Starts the dialplan on a channel at its {@link Channel#location()}; empty when no PBX runs. */
    Optional<InboundCallHandler> runner();

    Optional<DialplanAdmin> admin();

    Optional<PromptPlayer> prompts();

    /** Whether {@code extension} exists in {@code context}; false without a PBX. */
    default boolean exists(String context, String extension, Channel caller) {
        return admin().map(admin -> admin.exists(context, extension, caller.callerId().number())).orElse(false);
    }

    /** Whether more digits could still reach an extension; false without a PBX. */
    default boolean matchMore(String context, String extension, Channel caller) {
        return admin().map(admin -> admin.matchMore(context, extension, caller.callerId().number())).orElse(false);
    }

    /** Plays prompts to a channel nobody else reads; false when it hung up or there is no PBX to play them. */
    default boolean play(Channel channel, java.util.List<String> names) throws InterruptedException {
        Optional<PromptPlayer> player = prompts();
        return player.isPresent() && player.get().play(channel, names);
    }

    /** Plays prompts until the channel presses a key: that key, or empty (ended, hung up, no PBX). */
    default Optional<Character> playUntilKey(Channel channel, java.util.List<String> names)
            throws InterruptedException {
        Optional<PromptPlayer> player = prompts();
        return player.isPresent() ? player.get().playUntilKey(channel, names) : Optional.empty();
    }

    /** The prompts that say these digits (empty without a PBX). */
    default java.util.List<String> digits(String digits) {
        return prompts().map(player -> player.digits(digits)).orElse(java.util.List.of());
    }
}
