/**
 * Translating why a call failed between Q.850 causes ({@link org.strowger.channel.HangupCause})
 * and SIP: final status codes both ways after RFC 3398, and the {@code Reason} header of
 * RFC 3326 that carries the exact cause alongside a status.
 *
 * <p>Entry points: {@link org.strowger.sip.internal.cause.SipStatusMapping} and
 * {@link org.strowger.sip.internal.cause.Q850Reason}. The mapping tables are in
 * {@code SipStatusMapping}'s comment, with every place we depart from the RFC.
 */
package org.strowger.sip.internal.cause;
