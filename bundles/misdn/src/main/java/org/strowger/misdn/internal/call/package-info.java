/** Calls of the mISDN driver: ports at run time, the per-call pvt with its B-channel, the driver side the core holds. */
package org.strowger.misdn.internal.call;
