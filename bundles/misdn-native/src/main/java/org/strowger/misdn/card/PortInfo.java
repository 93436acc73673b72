package org.strowger.misdn.card;

/**
 * One port of a card.
 *
 * @param id the mISDN device id (0-based)
 * @param name the device name ({@code hfc-4s.1-2}, {@code sim.1})
 * @param teCapable offers the user (TE) side of the D-channel
 * @param ntCapable offers the network (NT) side (only HFC chips on real hardware)
 * @param bChannels B-channels: 2 on BRI, 30 on PRI
 * @param primaryRate an E1 (PRI) port rather than S0 (BRI)
 */
public record PortInfo(int id, String name, boolean teCapable, boolean ntCapable, int bChannels, boolean primaryRate) {
}
