/** Directed pickup as a dialplan application, {@code Pickup(exten[@context])}: private to the bundle. */
package org.strowger.transfer.internal.pickup;
