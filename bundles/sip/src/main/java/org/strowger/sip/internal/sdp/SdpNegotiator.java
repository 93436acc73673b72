package org.strowger.sip.internal.sdp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.strowger.channel.frame.Codec;

/**
 * RFC 3264 offer/answer for one audio stream. Stateless: everything a call remembers between
 * offers lives in its {@link SdpOrigin}, so one negotiator serves every call.
 */
public final class SdpNegotiator {

    /** Our packetization: the core moves 20 ms frames. */
    static final int PTIME_MILLISECONDS = 20;

    private static final String SESSION_NAME = "Strowger";
    private static final String RTP_AVP = "RTP/AVP";

    /** {@link #answer(SessionDescription, List, LocalMedia, Direction)} when we are not holding the peer. */
    public Negotiated answer(SessionDescription offer, List<Codec> allowedInPreferenceOrder, LocalMedia local)
            throws NoCommonCodecException {
        return answer(offer, allowedInPreferenceOrder, local, Direction.SENDRECV);
    }

    /**
     * Answers an offer. The first audio stream with a codec we allow is accepted, using the first
     * such codec in the offer's order (the offerer's preference wins, RFC 3264 section 6.1) and the
     * offer's telephone-event type if it has one; every other stream is declined with port 0, so
     * the answer has the offer's m= lines in the offer's order.
     *
     * @param ourDirection what we are willing to do: {@code SENDRECV} normally, {@code SENDONLY}
     *                     while we hold the peer, {@code INACTIVE} to stop both ways; the answer's
     *                     direction is the offer's mirrored and limited to this
     * @throws NoCommonCodecException when no audio stream is usable (answer 488)
     */
    public Negotiated answer(SessionDescription offer, List<Codec> allowedInPreferenceOrder, LocalMedia local,
                             Direction ourDirection) throws NoCommonCodecException {
        List<MediaDescription> answerMedia = new ArrayList<>(offer.media().size());
        List<String> problems = new ArrayList<>();
        MediaDescription acceptedOffer = null;
        PayloadFormat acceptedFormat = null;
        Codec acceptedCodec = null;
        Direction answerDirection = null;
        for (MediaDescription offered : offer.media()) {
            Optional<PayloadFormat> format = acceptedOffer == null
                    ? usableAudioFormat(offered, allowedInPreferenceOrder, problems)
                    : Optional.empty();
            if (format.isEmpty()) {
                answerMedia.add(offered.rejected());
                continue;
            }
            acceptedOffer = offered;
            acceptedFormat = format.get();
            acceptedCodec = acceptedFormat.codec().orElseThrow();
            answerDirection = offered.effectiveDirection().mirror().restrictTo(ourDirection);
            answerMedia.add(audioAnswer(offered, acceptedFormat, local, answerDirection));
        }
        if (acceptedOffer == null) {
            throw new NoCommonCodecException(problems.isEmpty()
                    ? "the offer has no active audio stream" : String.join("; ", problems));
        }
        SessionDescription answer = stamped(local, answerMedia);
        int eventType = acceptedOffer.telephoneEvent().map(PayloadFormat::payloadType).orElse(-1);
        return new Negotiated(acceptedCodec, acceptedFormat.payloadType(), eventType, acceptedOffer.rtpAddress(),
                answerDirection.mirror(), answer);
    }

    /**
     * An offer of every allowed codec (in the given order) that has an RTP payload type, then
     * telephone-event on type 101 with events 0-16, ptime 20.
     *
     * @throws IllegalArgumentException when no allowed codec can be carried in RTP (SLIN alone)
     */
    public SessionDescription offer(List<Codec> allowed, LocalMedia local, Direction direction) {
        MediaDescription.Builder audio = MediaDescription.builder("audio", local.rtpPort(), RTP_AVP);
        Set<Codec> distinct = new LinkedHashSet<>(allowed);
        boolean anyCodec = false;
        for (Codec codec : distinct) {
            Optional<PayloadFormat> format = PayloadFormat.forCodec(codec);
            if (format.isPresent()) {
                audio.payloadFormat(format.get());
                anyCodec = true;
            }
        }
        if (!anyCodec) {
            throw new IllegalArgumentException("none of " + allowed + " has an RTP payload type to offer");
        }
        audio.payloadFormat(PayloadFormat.telephoneEvent(PayloadFormat.DEFAULT_TELEPHONE_EVENT_TYPE))
                .ptime(PTIME_MILLISECONDS)
                .direction(direction);
        return stamped(local, List.of(audio.build()));
    }

    /**
     * Reads the answer to our offer (outbound calls): the codec is the first one in the answer's
     * audio stream that we offered; the telephone-event type is the answer's.
     *
     * @throws NoCommonCodecException when the answer declined our audio or picked nothing we offered
     */
    public Negotiated acceptAnswer(SessionDescription ourOffer, SessionDescription answer)
            throws NoCommonCodecException {
        int streams = Math.min(ourOffer.media().size(), answer.media().size());
        for (int i = 0; i < streams; i++) {
            MediaDescription offered = ourOffer.media().get(i);
            MediaDescription answered = answer.media().get(i);
            if (!offered.isAudio() || offered.isRejected() || !answered.isAudio() || answered.isRejected()) {
                continue;
            }
            Optional<PayloadFormat> format = firstOfferedFormat(offered, answered);
            if (format.isEmpty()) {
                continue;
            }
            if (answered.connectionAddress().isEmpty()) {
                throw new NoCommonCodecException("the answer's audio stream has no connection address");
            }
            int eventType = offered.telephoneEvent().isPresent()
                    ? answered.telephoneEvent().map(PayloadFormat::payloadType).orElse(-1)
                    : -1;
            Direction remoteDirection = answered.effectiveDirection().restrictTo(offered.direction().mirror());
            return new Negotiated(format.get().codec().orElseThrow(), format.get().payloadType(), eventType,
                    answered.rtpAddress(), remoteDirection, ourOffer);
        }
        throw new NoCommonCodecException("the answer accepted none of the audio codecs we offered: "
                + answer.media());
    }

    /** The first format of an offered stream that we can answer, or why there is none. */
    private static Optional<PayloadFormat> usableAudioFormat(MediaDescription offered, List<Codec> allowed,
                                                             List<String> problems) {
        if (!offered.isAudio() || offered.isRejected()) {
            return Optional.empty();
        }
        if (!offered.isRtpAvp()) {
            problems.add("audio over " + offered.protocol() + " is not supported (plain RTP/AVP only)");
            return Optional.empty();
        }
        if (offered.connectionAddress().isEmpty()) {
            problems.add("the audio stream has no connection address");
            return Optional.empty();
        }
        for (PayloadFormat format : offered.payloadFormats()) {
            Optional<Codec> codec = format.codec();
            if (codec.isPresent() && allowed.contains(codec.get())) {
                return Optional.of(format);
            }
        }
        problems.add("no common audio codec: offered " + offered.payloadFormats() + ", allowed " + allowed);
        return Optional.empty();
    }

    private static MediaDescription audioAnswer(MediaDescription offered, PayloadFormat format, LocalMedia local,
                                                Direction direction) {
        MediaDescription.Builder audio = MediaDescription.builder(offered.media(), local.rtpPort(),
                offered.protocol());
        // the offerer's payload type and name: a dynamic PCMU type must be answered as written
        audio.payloadFormat(new PayloadFormat(format.payloadType(), format.encodingName(), 8000, 1, null));
        offered.telephoneEvent().ifPresent(event -> audio.payloadFormat(new PayloadFormat(event.payloadType(),
                event.encodingName(), event.clockRate(), 1,
                event.fmtp() != null ? event.fmtp() : PayloadFormat.DEFAULT_EVENTS)));
        return audio.ptime(PTIME_MILLISECONDS).direction(direction).build();
    }

    private static Optional<PayloadFormat> firstOfferedFormat(MediaDescription offered, MediaDescription answered) {
        for (PayloadFormat format : answered.payloadFormats()) {
            Optional<Codec> codec = format.codec();
            if (codec.isPresent() && offeredCodec(offered, codec.get())) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    private static boolean offeredCodec(MediaDescription offered, Codec codec) {
        for (PayloadFormat format : offered.payloadFormats()) {
            if (format.codec().filter(codec::equals).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** Our description with the origin version the call's {@link SdpOrigin} says it deserves. */
    private static SessionDescription stamped(LocalMedia local, List<MediaDescription> media) {
        SdpOrigin origin = local.origin();
        SessionDescription draft = new SessionDescription(origin.originAt(0), SESSION_NAME, local.address(), media);
        return draft.withOrigin(origin.stamp(draft.render()));
    }
}
