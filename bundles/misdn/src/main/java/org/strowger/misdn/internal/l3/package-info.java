/**
 * Q.931 layer 3 of one port (ETSI EN 300 403 basic call, TE and NT roles): call references,
 * call states, timers, and the messages of {@code ..internal.q931}. Speaks to the card's
 * D-channel below and to the channel driver above through {@link org.strowger.misdn.internal.l3.Layer3}.
 */
package org.strowger.misdn.internal.l3;
