package org.strowger.pbx.internal.apps;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.strowger.channel.log.CallLogContext;
import org.strowger.channel.Channel;
import org.strowger.pbx.DialplanCall;

/** Plays a list of prompts, stopping at a digit when interruptible; shared by Background, SayDigits and Read. */
final class Prompts {

    private static final Logger LOG = LoggerFactory.getLogger(Prompts.class);

    private Prompts() {
    }

    /** Plays each prompt; a missing one is logged and skipped. */
    static Player.Outcome play(DialplanCall call, Sounds sounds, List<String> names, boolean interruptible)
            throws InterruptedException {
        return play(call.channel(), sounds, names, interruptible);
    }

    /** Plays each prompt to a channel; a missing one is logged and skipped. */
    static Player.Outcome play(Channel channel, Sounds sounds, List<String> names, boolean interruptible)
            throws InterruptedException {
        for (String name : names) {
            Optional<byte[]> audio;
            try {
                audio = sounds.load(name);
            } catch (IOException e) {
                audio = Optional.empty();
            }
            if (audio.isEmpty()) {
                CallLogContext.warn(LOG, channel, "No prompt '{}'", name);
                continue;
            }
            Player.Outcome outcome = Player.play(channel, audio.get(), interruptible);
            if (outcome.hungUp() || outcome.digit() != null) {
                return outcome;
            }
        }
        return Player.Outcome.DONE;
    }

    /** The prompt names that say each digit of {@code digits}. */
    static List<String> forDigits(String digits) {
        return digits.chars().mapToObj(c -> switch (c) {
            case '*' -> "digits-star";
            case '#' -> "digits-pound";
            default -> Character.isDigit(c) ? "digits-" + (char) c : null;
        }).filter(java.util.Objects::nonNull).toList();
    }
}
