/** B-channel audio at the card's edge: bit reversal, 20 ms framing, received-audio pacing, the paced transmit queue. */
package org.strowger.misdn.internal.audio;
