package org.strowger.pbx.internal.apps;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.strowger.channel.ChannelState;
import org.strowger.channel.frame.Codec;
import org.strowger.channel.frame.Control;
import org.strowger.channel.frame.ControlFrame;
import org.strowger.channel.frame.DtmfFrame;
import org.strowger.channel.frame.Frame;
import org.strowger.channel.frame.VoiceFrame;
import org.strowger.pbx.ApplicationResult;
import org.strowger.pbx.Arguments;
import org.strowger.pbx.DialplanApplication;
import org.strowger.pbx.DialplanCall;

/**
 * Record(name[,silence-seconds[,max-seconds]]): records the caller's audio (µ-law) to
 * {@code sounds/recordings/<name>.ulaw} until {@code #}, hangup or the maximum (default 60 s).
 * RECORD_STATUS: DTMF, HANGUP, TIMEOUT, ERROR; RECORDED_FILE holds the path.
 */
@Component(property = DialplanApplication.NAME_PROPERTY + "=Record")
public class RecordApp implements DialplanApplication {

    private final Sounds sounds;

    @Activate
    public RecordApp(@Reference Sounds sounds) {
        this.sounds = sounds;
    }

    @Override
    public String description() {
        return "Records the caller to sounds/recordings/<name>.ulaw until # or a limit.";
    }

    @Override
    public ApplicationResult execute(DialplanCall call, Arguments arguments) throws InterruptedException {
        String name = arguments.get(0).trim();
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot); // Asterisk writes name.format; we always write µ-law
        }
        Optional<Path> file;
        try {
            file = name.isEmpty() ? Optional.empty() : sounds.recordingPath(name);
        } catch (IOException e) {
            file = Optional.empty();
        }
        if (file.isEmpty()) {
            call.setVariable("RECORD_STATUS", "ERROR");
            throw new IllegalArgumentException("Record: '" + arguments.get(0) + "' is not a recording name");
        }
        Duration max = ChannelWait.seconds(arguments.get(2), Duration.ofSeconds(60));
        if (call.channel().state() != ChannelState.UP) {
            call.channel().answer();
        }
        String status = "TIMEOUT";
        Instant deadline = Instant.now().plus(max);
        Codec readFormat = call.channel().readFormat();
        call.channel().setReadFormat(Codec.ULAW); // the core converts what it reads: recordings are µ-law
        try (OutputStream out = Files.newOutputStream(file.get())) {
            while (true) {
                Duration left = Duration.between(Instant.now(), deadline);
                if (left.isNegative() || left.isZero()) {
                    break;
                }
                Frame frame = call.channel().read(left);
                if (frame instanceof ControlFrame control && control.control() == Control.HANGUP) {
                    status = "HANGUP";
                    break;
                }
                if (frame instanceof DtmfFrame digit && digit.digit() == '#') {
                    status = "DTMF";
                    break;
                }
                if (frame instanceof VoiceFrame voice) {
                    out.write(voice.payload());
                }
            }
        } catch (IOException e) {
            call.setVariable("RECORD_STATUS", "ERROR");
            throw new IllegalStateException("Record: cannot write " + file.get() + ": " + e.getMessage());
        } finally {
            call.channel().setReadFormat(readFormat);
        }
        call.setVariable("RECORD_STATUS", status);
        call.setVariable("RECORDED_FILE", file.get().toString());
        return status.equals("HANGUP") ? ApplicationResult.HANGUP : ApplicationResult.CONTINUE;
    }
}
