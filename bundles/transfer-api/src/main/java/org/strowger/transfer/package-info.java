/**
 * Transfers, parking and pickup: {@link org.strowger.transfer.TransferService} is the one place
 * that decides who is masqueraded into whom, for SIP REFER, DTMF feature codes and the parking
 * and pickup applications alike; {@link org.strowger.transfer.TransferAdmin} is what the console
 * shows of it.
 */
@Export
@Version("0.1.0")
package org.strowger.transfer;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
