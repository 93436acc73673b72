package org.strowger.transfer.internal;

import java.util.Optional;

import org.strowger.channel.Channel;
import org.strowger.channel.ChannelService;
import org.strowger.channel.ChannelUnavailableException;
import org.strowger.channel.HangupCause;
import org.strowger.channel.bridge.Bridge;
import org.strowger.channel.bridge.HangupPolicy;

/**
 * The masquerades the features make, always with no lock held. To take a party over, the
 * features masquerade it into a fresh {@code Transfer/} channel that only they own: whatever ran
 * the party before (a Dial waiting on its bridge, an application) is left holding a zombie and
 * ends quietly, as the masquerade contract says.
 */
public final class Moves {

    private final ChannelService channels;
    /** The channels a move is deciding about right now; guarded by itself, never held while calling the core. */
    private final java.util.Set<Channel> claimed = new java.util.HashSet<>();

    public Moves(ChannelService channels) {
        this.channels = channels;
    }

    /**
     * Claims the channels a move is about to look at and change, all or none. The core makes
     * each masquerade happen once, but two transfers of one call (each party transferring the
     * other, or two requests for one transferee) masquerade different channels and would both
     * succeed; the claim makes the second one lose.
     *
     * @return the claim to close when the move is done, or empty when another move holds one of them
     */
    public Optional<Claim> claim(Channel... parties) {
        synchronized (claimed) {
            for (Channel party : parties) {
                if (party != null && claimed.contains(party)) {
                    return Optional.empty();
                }
            }
            java.util.List<Channel> taken = new java.util.ArrayList<>(parties.length);
            for (Channel party : parties) {
                if (party != null && claimed.add(party)) {
                    taken.add(party);
                }
            }
            return Optional.of(new Claim(taken));
        }
    }

    /** Channels claimed by one move; closing releases them. */
    public final class Claim implements AutoCloseable {
        /** Guarded by {@link Moves#claimed}. */
        private final java.util.List<Channel> parties;
        /** Guarded by {@link Moves#claimed}. */
        private boolean closed;

        private Claim(java.util.List<Channel> parties) {
            this.parties = parties;
        }

        /**
         * Adds channels to this claim, all or none: a move that takes parties over claims their
         * new channels too, so it keeps them until it is done with them.
         *
         * @return false when another move holds one of them, or this claim was closed
         */
        public boolean extend(Channel... more) {
            synchronized (claimed) {
                if (closed) {
                    return false;
                }
                for (Channel party : more) {
                    if (party != null && claimed.contains(party) && !parties.contains(party)) {
                        return false;
                    }
                }
                for (Channel party : more) {
                    if (party != null && claimed.add(party)) {
                        parties.add(party);
                    }
                }
                return true;
            }
        }

        /** Whether this claim (still) holds {@code party}. */
        public boolean holds(Channel party) {
            synchronized (claimed) {
                return !closed && parties.contains(party);
            }
        }

        @Override
        public void close() {
            synchronized (claimed) {
                closed = true;
                parties.forEach(claimed::remove);
            }
        }
    }

    public ChannelService channels() {
        return channels;
    }

    /** A fresh channel with no far end, named {@code Transfer/<purpose>-xxxxxxxx}. */
    public Channel placeholder(String purpose) throws MoveRefusedException {
        try {
            return channels.request(TransferTechnology.NAME + "/" + purpose);
        } catch (ChannelUnavailableException e) {
            throw new MoveRefusedException("no placeholder channel: " + e.getMessage());
        }
    }

    /**
     * Moves {@code party}'s call into a fresh channel that the caller owns, and returns it: it
     * carries the party's name, driver side and variables; the old channel object is a zombie.
     *
     * @throws MoveRefusedException when the core refuses (the party hung up, is a zombie, or is
     *         in another masquerade)
     */
    public Channel takeOut(Channel party, String purpose) throws MoveRefusedException {
        return takeOut(party, purpose, null);
    }

    /**
     * {@link #takeOut(Channel, String)} for a move that holds {@code claim}: the new channel is
     * added to the claim before the masquerade gives it the party's call, so no other move can
     * claim it in between.
     */
    public Channel takeOut(Channel party, String purpose, Claim claim) throws MoveRefusedException {
        Channel holder = placeholder(purpose);
        if (claim != null && !claim.extend(holder)) {
            channels.hangup(holder, HangupCause.NORMAL_CLEARING);
            throw new MoveRefusedException("the move's claim is closed or " + holder.name() + " is claimed by another");
        }
        try {
            channels.masquerade(holder, party);
        } catch (IllegalStateException e) {
            channels.hangup(holder, HangupCause.NORMAL_CLEARING);
            throw new MoveRefusedException(e.getMessage());
        }
        return holder;
    }

    /**
     * Takes both members of a bridge over without hanging either up: the bridge is told to keep
     * its members up, then the first member (a Dial's caller) is moved out before the second,
     * so the Dial sees a zombie caller and leaves its callee alone.
     *
     * @return the new channels of the first and the second member
     * @throws MoveRefusedException when either could not be moved; then both are hung up (the call
     *         ended under the feature's feet)
     */
    public Pair takeOutBoth(Bridge bridge) throws MoveRefusedException {
        return takeOutBoth(bridge, null);
    }

    /**
     * {@link #takeOutBoth(Bridge)} for a move that holds {@code claim} (on both members): the
     * claim is extended to the two new channels, so the move keeps them until it closes it.
     */
    public Pair takeOutBoth(Bridge bridge, Claim claim) throws MoveRefusedException {
        bridge.keepMembersUp();
        Channel first;
        try {
            first = takeOut(bridge.first(), "feature", claim);
        } catch (MoveRefusedException e) {
            // the first member is gone: the call is over, and the kept-up second must not linger
            hangUp(bridge.second());
            throw e;
        }
        try {
            Channel second = takeOut(bridge.second(), "feature", claim);
            return new Pair(first, second);
        } catch (MoveRefusedException e) {
            channels.hangup(first, HangupCause.NORMAL_CLEARING);
            throw e;
        }
    }

    /** Two channels taken over together, in the order of the bridge they came from. */
    public record Pair(Channel first, Channel second) {
        /** The new channel of whichever member {@code old} was. */
        public Channel replacing(Bridge bridge, Channel old) {
            return bridge.first() == old ? first : second;
        }
    }

    /**
     * Puts {@code party} on hold: bridged to a placeholder that drops its frames, so it is read
     * and its hangup seen, and told HOLD. Release the returned bridge to take it off hold.
     */
    public Bridge hold(Channel party) throws MoveRefusedException {
        Channel partner = placeholder("hold");
        try {
            Bridge bridge = channels.bridge(party, partner, HangupPolicy.BOTH);
            party.indicate(org.strowger.channel.frame.Control.HOLD);
            return bridge;
        } catch (IllegalStateException e) {
            channels.hangup(partner, HangupCause.NORMAL_CLEARING);
            throw new MoveRefusedException(e.getMessage());
        }
    }

    /** Takes a party off hold: ends its hold bridge (leaving it up), hangs up the partner, tells UNHOLD. */
    public void unhold(Bridge holdBridge) {
        holdBridge.keepMembersUp();
        holdBridge.release();
        hangUp(holdBridge.second());
        Channel party = holdBridge.first();
        if (!party.isHungUp()) {
            party.indicate(org.strowger.channel.frame.Control.UNHOLD);
        }
    }

    public void hangUp(Channel channel) {
        if (channel != null && !channel.isHungUp()) {
            channels.hangup(channel, HangupCause.NORMAL_CLEARING);
        }
    }

    /** A channel name: the device's dial string, a dash, the unique hex suffix. */
    private static final java.util.regex.Pattern CHANNEL_NAME =
            java.util.regex.Pattern.compile("([A-Za-z][A-Za-z0-9_.-]*/[^/\\s<>]+)-[0-9a-fA-F]+");

    /**
     * The dial string that rings a channel's device again: its name without the unique suffix
     * ({@code SIP/alice-0000001a} gives {@code SIP/alice}); empty for a zombie, a placeholder or a
     * name without a suffix.
     */
    public static Optional<String> deviceOf(String channelName) {
        if (channelName == null) {
            return Optional.empty();
        }
        java.util.regex.Matcher matcher = CHANNEL_NAME.matcher(channelName);
        if (!matcher.matches() || matcher.group(1).startsWith(TransferTechnology.NAME + "/")) {
            return Optional.empty();
        }
        return Optional.of(matcher.group(1));
    }
}
