/**
 * Q.931 messages as bytes and back (ETSI EN 300 403 basic call): the header with its call
 * reference, the message types of basic call, and the information elements layer 3 reads
 * (bearer capability, channel identification, numbers, cause, progress, display, keypad,
 * sending complete); any other IE passes through untouched. Decoding never throws: a
 * {@link org.strowger.misdn.internal.q931.Decoded} says what was wrong and with which cause.
 */
package org.strowger.misdn.internal.q931;
