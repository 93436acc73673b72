/** The parking lot and its dialplan applications, {@code Park()} and {@code ParkedCall(slot)}: private to the bundle. */
package org.strowger.transfer.internal.parking;
