/**
 * The channel core's private implementation. Nothing here is exported: drivers and other
 * bundles use the services of {@code org.strowger.channel}.
 */
package org.strowger.channel.core;
