package org.strowger.sip.internal.stack;

import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;

import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;

/** JAIN-SIP's factories, made directly (no SipFactory class-name lookup, which is fragile in OSGi). */
public record SipFactories(MessageFactory messages, HeaderFactory headers, AddressFactory addresses) {

    public static SipFactories create(String userAgent) {
        MessageFactoryImpl messages = new MessageFactoryImpl();
        try {
            messages.setDefaultServerHeader(new HeaderFactoryImpl().createServerHeader(java.util.List.of(userAgent)));
            messages.setDefaultUserAgentHeader(new HeaderFactoryImpl().createUserAgentHeader(java.util.List.of(userAgent)));
        } catch (java.text.ParseException e) {
            throw new IllegalArgumentException("user agent '" + userAgent + "' is not a valid SIP product token", e);
        }
        return new SipFactories(messages, new HeaderFactoryImpl(), new AddressFactoryImpl());
    }
}
