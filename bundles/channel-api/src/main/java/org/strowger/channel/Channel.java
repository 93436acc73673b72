package org.strowger.channel;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;
import org.strowger.channel.bridge.Bridge;
import org.strowger.channel.frame.Codec;
import org.strowger.channel.frame.Control;
import org.strowger.channel.frame.Frame;

/**
 * One call leg, as the dialplan, the features and the console see it. The object is stable for
 * the leg's life; its driver side (technology and private state) may be replaced by a
 * masquerade, after which it carries the name and unique id of the driver side it now owns.
 */
@ProviderType
public interface Channel {

    /** Unique among live channels: {@code TECH/resource-xxxxxxxx}. */
    String name();

    /** Unique for the platform's life, never reused. */
    String uniqueId();

    /** The technology of the current driver side. */
    TechnologyName technology();

    ChannelState state();

    CallerId callerId();

    void setCallerId(CallerId callerId);

    /** The number this leg was called at (inbound) or dialled to (outbound); may be empty. */
    String dialedNumber();

    DialplanLocation location();

    void setLocation(DialplanLocation location);

    /** The dialplan application running on this channel now, empty when none. */
    String application();

    String applicationData();

    void setApplication(String application, String data);

    Optional<String> variable(String name);

    /** A copy of the channel variables. */
    Map<String, String> variables();

    /** Sets a channel variable; {@code null} removes it. */
    void setVariable(String name, String value);

    /** Why the channel was hung up, once it has been. */
    Optional<HangupCause> hangupCause();

    boolean isHungUp();

    /** True for the leftover of a masquerade: it does nothing any more. */
    boolean isZombie();

    Set<Codec> nativeFormats();

    Codec readFormat();

    Codec writeFormat();

    void setReadFormat(Codec codec);

    void setWriteFormat(Codec codec);

    Instant createdAt();

    /** The bridge this channel is in, if any. */
    Optional<Bridge> bridge();

    /** The channel at the other end of this channel's bridge, if any. */
    default Optional<Channel> bridgedPeer() {
        return bridge().flatMap(bridge -> bridge.peerOf(this));
    }

    /**
     * The next frame the driver queued, waiting up to {@code timeout}; {@code null} when none
     * came. A hung-up channel gives a {@code HANGUP} control frame at once.
     */
    Frame read(Duration timeout) throws InterruptedException;

    /**
     * Completes when {@link #read} would not wait: a frame is queued, or the channel is hung up
     * (a zombie included); at once when that is so already. For an application that waits on
     * several channels without holding a thread (Dial while its destinations ring). Frames a
     * bridge relays are not queued and do not complete it.
     *
     * <p>It completes with no core lock held, in the thread that queued the frame or hung the
     * channel up (often a driver's I/O thread): dependent actions must be quick and must not
     * block; hand real work to an executor of your own. A wake-up may find nothing to read (a
     * masquerade wakes readers; another reader may have taken the frame): read with a zero
     * timeout, then ask again. Callers cannot complete the stage.
     *
     * @since 0.2
     */
    CompletionStage<Void> readable();

    /** Frames queued and not read yet. */
    int queuedFrames();

    /** Sends a frame to the far end; false when the channel can no longer send. */
    boolean write(Frame frame);

    /** Starts an outbound call on a channel from {@link ChannelService#request}. */
    void call(Duration timeout) throws ChannelUnavailableException;

    /** Answers an inbound call. */
    void answer();

    /** Sends a call-progress indication (ringing, busy, hold...) to the far end. */
    void indicate(Control control);
}
