package org.strowger.examples.tone;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.strowger.channel.ChannelLink;
import org.strowger.channel.ChannelTechnology;
import org.strowger.channel.ChannelUnavailableException;
import org.strowger.channel.DriverSide;
import org.strowger.channel.HangupCause;

/**
 * The {@code Tone} channel technology: {@code Dial(Tone/440)} answers at once and plays a
 * 440 Hz sine; {@code Tone/busy} and {@code Tone/ring} play the cadenced tones. One scheduler
 * thread paces the frames of every Tone channel of the bundle; it stops when the bundle does
 * (the core has then hung the channels up with cause 38).
 */
@Component(property = ChannelTechnology.TECHNOLOGY_PROPERTY + "=" + ToneTechnology.NAME)
public class ToneTechnology implements ChannelTechnology {

    /** The technology's name, as in {@code Tone/440}. */
    public static final String NAME = "Tone";

    private static final Logger LOG = LoggerFactory.getLogger(ToneTechnology.class);

    private final ScheduledExecutorService scheduler;

    @Activate
    public ToneTechnology() {
        ScheduledThreadPoolExecutor pacer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "strowger-tone-pacer");
            thread.setDaemon(true);
            return thread;
        });
        pacer.setRemoveOnCancelPolicy(true); // a hung-up channel's task leaves the queue at once
        this.scheduler = pacer;
    }

    /** For tests: a scheduler of the test's choosing. */
    ToneTechnology(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    @Deactivate
    void deactivate() {
        scheduler.shutdownNow();
    }

    @Override
    public String description() {
        return "Tone generator: Tone/<hertz>, Tone/busy, Tone/ring answer at once and play the tone";
    }

    @Override
    public DriverSide request(String resource, ChannelLink link) throws ChannelUnavailableException {
        ToneSpec spec;
        try {
            spec = ToneSpec.parse(resource);
        } catch (IllegalArgumentException wrong) {
            LOG.info("Refused a Tone channel: {}", wrong.getMessage());
            throw new ChannelUnavailableException(HangupCause.INVALID_NUMBER_FORMAT, wrong.getMessage());
        }
        return new ToneSide(link, scheduler, spec);
    }
}
