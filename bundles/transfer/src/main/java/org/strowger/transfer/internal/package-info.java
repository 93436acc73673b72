/** The transfer features' implementation: private to the bundle. */
package org.strowger.transfer.internal;
