package org.strowger.pbx.internal.apps;

import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.strowger.channel.Channel;
import org.strowger.pbx.PromptPlayer;

/** The PBX's prompts for features outside the dialplan (parking announcements, transfer prompts). */
@Component(service = PromptPlayer.class)
public final class PromptService implements PromptPlayer {

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
        Player.Outcome outcome = Prompts.play(channel, sounds, prompts, untilKey);
        return outcome == Player.Outcome.DONE && channel.isHungUp() ? Player.Outcome.HUNG_UP : outcome;
    }

    @Override
    public List<String> digits(String digits) {
        return Prompts.forDigits(digits);
    }
}
