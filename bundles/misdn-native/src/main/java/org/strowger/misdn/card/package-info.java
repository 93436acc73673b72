/**
 * ISDN ports reached through mISDN, as the mISDN channel driver sees them: the kernel's cards,
 * or the simulated card of the same native library (ports wired back to back in pairs). Layer 2
 * (LAPD) and the B-channels' pacing are the card's; Q.931 and everything above is the driver's.
 */
@Export
@Version("0.1.0")
package org.strowger.misdn.card;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
