package org.strowger.pbx.internal.apps;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.strowger.channel.Channel;
import org.strowger.pbx.PromptPlayer;

/** The PBX's prompts for features outside the dialplan (parking announcements, transfer prompts). */
@Component(service = PromptPlayer.class)
public final class PromptService implements PromptPlayer {

    private static final Logger LOG = LoggerFactory.getLogger(PromptService.class);

    private final Sounds sounds;

    @Activate
    public PromptService(@Reference Sounds sounds) {
        this.sounds = sounds;
    }

    @Override
    public boolean play(Channel channel, List<String> prompts) throws InterruptedException {
        return !play(channel, prompts, false).hungUp();
    }

    @Override
    public Optional<Character> playUntilKey(Channel channel, List<String> prompts) throws InterruptedException {
        return Optional.ofNullable(play(channel, prompts, true).digit());
    }

    private Player.Outcome play(Channel channel, List<String> prompts, boolean untilKey) throws InterruptedException {
        for (String name : prompts) {
            Optional<byte[]> audio;
            try {
                audio = sounds.load(name);
            } catch (IOException e) {
                audio = Optional.empty();
            }
            if (audio.isEmpty()) {
                LOG.warn("[{}] No prompt '{}'", channel.name(), name);
                continue;
            }
            Player.Outcome outcome = Player.play(channel, audio.get(), untilKey);
            if (outcome.hungUp() || outcome.digit() != null) {
                return outcome;
            }
        }
        return channel.isHungUp() ? Player.Outcome.HUNG_UP : Player.Outcome.DONE;
    }

    @Override
    public List<String> digits(String digits) {
        return Prompts.forDigits(digits);
    }
}
