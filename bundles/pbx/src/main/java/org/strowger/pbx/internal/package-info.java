/** The dialplan engine's private implementation. */
package org.strowger.pbx.internal;
