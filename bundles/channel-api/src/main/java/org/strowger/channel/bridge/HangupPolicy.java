package org.strowger.channel.bridge;

/**
 * What a bridge does to the member left behind when the other hangs up (or is left a zombie by
 * a masquerade). Chosen when the bridge is made, so no hangup can slip in before it applies.
 *
 * @since 0.2
 */
public enum HangupPolicy {

    /** The other member is hung up too, with the same cause: the call ends for both (a B2BUA call). */
    BOTH,

    /**
     * When the second member leaves, the first stays up, out of the bridge (Dial's {@code g}
     * option: the caller goes on in the dialplan). When the first leaves, the second is hung up
     * as with {@link #BOTH}.
     */
    KEEP_FIRST
}
