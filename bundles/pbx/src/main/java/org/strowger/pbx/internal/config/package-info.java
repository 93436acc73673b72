/**
 * extensions.conf, read and matched. {@link org.strowger.pbx.internal.config.ExtensionsConfParser}
 * turns the file (with {@code #include}, templates, comments) into a
 * {@link org.strowger.pbx.internal.config.ParsedDialplan}, reporting every problem with its
 * {@code file:line}; {@link org.strowger.pbx.internal.config.ExtensionPattern} orders and matches
 * extension names exactly as Asterisk does; {@link org.strowger.pbx.internal.config.DialplanIndex}
 * answers lookups in Asterisk's search order. Pure Java: no OSGi, no I/O after loading.
 */
package org.strowger.pbx.internal.config;
