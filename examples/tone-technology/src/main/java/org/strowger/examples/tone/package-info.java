/**
 * An example channel driver: the technology {@code Tone}, whose channels answer at once and send
 * a tone ({@code Tone/440}, {@code Tone/busy}). Private: the core finds the driver through its
 * {@link org.strowger.channel.ChannelTechnology} service.
 */
package org.strowger.examples.tone;
