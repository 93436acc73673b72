/** Console commands of the SIP driver: {@code sip:endpoints}, {@code sip:registrations}, {@code sip:dialogs}, {@code sip:trace}. */
package org.strowger.sip.shell;
