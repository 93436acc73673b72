package org.strowger.transfer;

import org.osgi.annotation.versioning.ProviderType;
import org.strowger.channel.Channel;

/**
 * Moves calls: blind and attended transfer, parking and directed pickup. Every move is a
 * masquerade in the channel core; this service is the one place that decides who is
 * masqueraded into whom, whether the request came from a SIP REFER, a DTMF feature code or a
 * dialplan application. Provided by the transfer bundle.
 *
 * <p>Call it with no channel and no pvt lock held (the core refuses a masquerade otherwise).
 * Every method returns quickly: it plays no prompt and waits for no answer in the caller's
 * thread, so a driver may call it from its own I/O thread. A request that races another
 * transfer, a masquerade or a hangup of the same channels gets {@link TransferResult#BUSY} or
 * {@link TransferResult#NO_SUCH_CALL}, never a half-done move.
 */
@ProviderType
public interface TransferService {

    /**
     * Blind transfer: the channel bridged to {@code transferer} (the transferee) leaves the
     * bridge and runs the dialplan at {@code extension@context}, as if it had dialled it; the
     * transferer's call ends (hung up with NORMAL_CLEARING). The transfer to the parking
     * extension parks the transferee, with the transferer as the parker.
     *
     * @param context the context to look the extension up in; {@code null} for the
     *        transferer's {@code TRANSFER_CONTEXT} variable, or else its own context
     * @return COMPLETED; NO_SUCH_CALL when the transferer is not bridged; NO_SUCH_EXTENSION
     *         when the extension does not exist there; BUSY when the core refused the move;
     *         UNAVAILABLE without a dialplan
     */
    TransferOutcome blindTransfer(Channel transferer, String extension, String context);

    /**
     * Attended transfer: one transferer with two calls, {@code toTransferee} and
     * {@code toTarget}, is taken out and the two far parties are joined (the SIP REFER with
     * Replaces case, and the end of a DTMF attended transfer).
     * <ul>
     * <li>Four channels (both calls bridged): the transferee takes the place of
     * {@code toTarget} in the target's bridge; {@code toTransferee} is hung up.</li>
     * <li>Three channels (only one call bridged, the other party being in the dialplan, an IVR
     * for example): the party bridged to one call takes the other call's place in the
     * dialplan.</li>
     * </ul>
     *
     * @return COMPLETED; NO_SUCH_CALL when neither call is bridged or one is gone; BUSY when the
     *         core refused the masquerade (a party hung up or is already being moved)
     */
    TransferOutcome attendedTransfer(Channel toTransferee, Channel toTarget);

    /**
     * Replacement (SIP INVITE with Replaces, RFC 3891): {@code replacement}, a new call already
     * answered, takes the place of {@code replaced} wherever that is (a bridge, the dialplan);
     * the replaced party's driver side is hung up.
     *
     * @return COMPLETED; NO_SUCH_CALL when the replaced channel is gone; BUSY when the core
     *         refused the masquerade
     */
    TransferOutcome replace(Channel replaced, Channel replacement);

    /**
     * Parks {@code parkee} in the first free slot of the parking lot; it hears silence (or its
     * phone's hold music) until someone dials the slot ({@code ParkedCall}) or the parking time
     * runs out, when it rings {@code parker} again. The slot is announced to {@code parker}
     * (which is then hung up) unless {@code parker} is {@code null}. The parkee may be bridged
     * to the parker (the {@code #72} case) or running in the dialplan ({@code Park()}).
     *
     * @return COMPLETED with the slot in the detail; BUSY when the lot is full or a party is
     *         being moved; NO_SUCH_CALL when the parkee is gone
     */
    TransferOutcome park(Channel parkee, Channel parker);

    /**
     * Directed pickup: {@code picker} answers the call ringing at {@code extension@context}
     * (a channel Dial is ringing there). The ringing channel is hung up and the picker takes its
     * place, so the caller is bridged to the picker.
     *
     * @return COMPLETED; NO_SUCH_CALL when nothing rings there; BUSY when it was answered or
     *         picked up meanwhile
     */
    TransferOutcome pickup(Channel picker, String extension, String context);
}
