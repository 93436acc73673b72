/**
 * Local channels ({@code Local/exten@context[/n]}): a pair of channels joined back to back, the
 * second running the dialplan at {@code exten@context}; optimised away by a masquerade once both
 * halves are bridged, unless {@code /n}.
 */
package org.strowger.pbx.internal.local;
