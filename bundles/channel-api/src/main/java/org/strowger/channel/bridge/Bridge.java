package org.strowger.channel.bridge;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;
import org.strowger.channel.Channel;
import org.strowger.channel.HangupCause;

/**
 * Two channels joined: frames from either are relayed to the other in the thread that
 * received them (no thread per call). Ends when either side hangs up, and hangs up the other
 * side with the same cause (unless made with {@link HangupPolicy#KEEP_FIRST}); a side
 * masqueraded mid-call stays in the bridge with its new driver.
 *
 * <p>Whoever made the bridge need not watch it with a thread: {@link #ended()} tells when it ends.
 */
@ProviderType
public interface Bridge {

    /** A short id for logs and the console. */
    String id();

    Channel first();

    Channel second();

    /** The other member, if {@code member} is one of the two. */
    Optional<Channel> peerOf(Channel member);

    boolean isActive();

    /** Why the bridge ended, once it has. */
    Optional<HangupCause> endCause();

    /**
     * Completes once, when the bridge ends, with what {@link #endCause()} then says: the cause of
     * the member that hung up (NORMAL_CLEARING for a member left a zombie by a masquerade), or
     * empty after {@link #release()}. Already complete when the bridge has ended.
     *
     * <p>It completes after the bridge has done what ending does (the other member hung up,
     * unless the policy keeps it up), with no core lock held, in the thread that ended the
     * bridge: often a driver's I/O thread. Dependent actions may call the core but must be quick
     * and must not block; hand real work to an executor of your own
     * ({@code ended().thenApplyAsync(..., executor)}). Callers cannot complete the stage.
     *
     * @since 0.2
     */
    CompletionStage<Optional<HangupCause>> ended();

    /** Ends the bridge and leaves both channels up (for a transfer to move them on). */
    void release();

    /**
     * From now on, however the bridge ends (a member hangs up, or is left a zombie by a
     * masquerade), the member left behind stays up, whatever the policy: for a transfer that is
     * about to move the members on, one masquerade at a time. Whoever waits on {@link #ended()}
     * still sees the bridge end.
     *
     * @since 0.3
     */
    void keepMembersUp();
}
