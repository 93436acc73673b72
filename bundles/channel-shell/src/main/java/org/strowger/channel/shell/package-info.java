/**
 * Console commands of the channel core, scope {@code strowger}: Karaf actions so that they get
 * help, completion and option parsing. They talk to the core only through its API.
 */
package org.strowger.channel.shell;
