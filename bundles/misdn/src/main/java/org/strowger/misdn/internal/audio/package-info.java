/** B-channel audio at the card's edge: bit reversal, 20 ms framing, the paced transmit queue, G.711 conversions. */
package org.strowger.misdn.internal.audio;
