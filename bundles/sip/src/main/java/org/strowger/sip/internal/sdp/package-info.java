/**
 * SDP for audio calls: our own small parser and renderer (RFC 4566) and the offer/answer rules
 * of RFC 3264.
 *
 * <p>Entry points: {@link org.strowger.sip.internal.sdp.SessionDescription#parse} and
 * {@link org.strowger.sip.internal.sdp.SessionDescription#render}; the stateless
 * {@link org.strowger.sip.internal.sdp.SdpNegotiator} turns an offer into an answer (inbound
 * calls), builds offers and reads answers (outbound calls), each giving a
 * {@link org.strowger.sip.internal.sdp.Negotiated} that the RTP session is configured from.
 * {@link org.strowger.sip.internal.sdp.SdpOrigin} keeps a call's {@code o=} line and bumps its
 * version only when what we send changes.
 *
 * <p>Only G.711 (PCMU, PCMA) and RFC 4733 telephone-event are negotiated; every other stream or
 * codec is kept on parse so an answer can decline it with port 0.
 */
package org.strowger.sip.internal.sdp;
