/** The mISDN channel driver's implementation: private to the bundle. */
package org.strowger.misdn.internal;
