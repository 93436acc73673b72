package org.strowger.pbx.internal.apps;

import java.io.IOException;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.strowger.channel.ChannelState;
import org.strowger.pbx.ApplicationResult;
import org.strowger.pbx.ArgumentSyntax;
import org.strowger.pbx.Arguments;
import org.strowger.pbx.DialplanApplication;
import org.strowger.pbx.DialplanCall;

/** Playback(prompt[&prompt...][,noanswer]): plays prompts; PLAYBACKSTATUS is SUCCESS or FAILED. */
@Component(property = DialplanApplication.NAME_PROPERTY + "=Playback")
public class PlaybackApp implements DialplanApplication {

    private static final Logger LOG = LoggerFactory.getLogger(PlaybackApp.class);

    private final Sounds sounds;

    @Activate
    public PlaybackApp(@Reference Sounds sounds) {
        this.sounds = sounds;
    }

    @Override
    public String description() {
        return "Plays one or more prompts (not interruptible); answers first unless told noanswer.";
    }

    @Override
    public ArgumentSyntax syntax() {
        return ArgumentSyntax.arguments('&');
    }

    @Override
    public ApplicationResult execute(DialplanCall call, Arguments arguments) throws InterruptedException {
        if (!arguments.get(1).contains("noanswer") && call.channel().state() != ChannelState.UP) {
            call.channel().answer();
        }
        String status = "SUCCESS";
        for (String prompt : arguments.list(0)) {
            Optional<byte[]> audio;
            try {
                audio = sounds.load(prompt);
            } catch (IOException e) {
                audio = Optional.empty();
                LOG.warn("Cannot read prompt {}: {}", prompt, e.getMessage());
            }
            if (audio.isEmpty()) {
                LOG.warn("Playback: no prompt '{}'", prompt);
                status = "FAILED";
                continue;
            }
            if (Player.play(call.channel(), audio.get(), false).hungUp()) {
                call.setVariable("PLAYBACKSTATUS", status);
                return ApplicationResult.HANGUP;
            }
        }
        call.setVariable("PLAYBACKSTATUS", status);
        return ApplicationResult.CONTINUE;
    }
}
