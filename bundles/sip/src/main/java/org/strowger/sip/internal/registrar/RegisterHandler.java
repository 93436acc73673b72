package org.strowger.sip.internal.registrar;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.OptionalInt;

import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.address.Address;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.UserAgentHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.strowger.sip.internal.endpoint.Endpoint;
import org.strowger.sip.internal.stack.SipMessages;

/** REGISTER from an authenticated dynamic endpoint: SIP in, {@link Registrar} decides, SIP out. */
public final class RegisterHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RegisterHandler.class);

    private final Registrar registrar;
    private final SipMessages messages;

    public RegisterHandler(Registrar registrar, SipMessages messages) {
        this.registrar = registrar;
        this.messages = messages;
    }

    public void register(Request request, ServerTransaction transaction, Endpoint endpoint, String source) {
        if (!endpoint.isDynamic()) {
            LOG.info("REGISTER for endpoint {} from {} refused: it has a static address", endpoint.name(), source);
            messages.reply(request, transaction, Response.FORBIDDEN, endpoint.name());
            return;
        }
        RegisterRequest parsed;
        try {
            parsed = parse(request, source);
        } catch (IllegalArgumentException e) {
            LOG.info("REGISTER for {} from {} refused: {}", endpoint.name(), source, e.getMessage());
            messages.reply(request, transaction, Response.BAD_REQUEST, endpoint.name());
            return;
        }
        RegisterOutcome outcome = registrar.register(endpoint.name(), endpoint.maxContacts(), parsed);
        Response response = messages.response(request, outcome.status());
        try {
            if (outcome.status() == Response.INTERVAL_TOO_BRIEF) {
                response.addHeader(messages.factories().headers().createMinExpiresHeader(outcome.minExpires()));
            }
            for (Binding binding : outcome.bindings()) {
                Address address = messages.factories().addresses().createAddress(binding.contact());
                ContactHeader contact = messages.factories().headers().createContactHeader(address);
                contact.setExpires(registrar.seconds(binding));
                response.addHeader(contact);
            }
            response.addHeader(messages.factories().headers().createHeader("Date",
                    java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                            java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC))));
        } catch (ParseException | InvalidArgumentException e) {
            LOG.debug("cannot decorate REGISTER response: {}", e.toString());
        }
        if (outcome.status() == Response.OK) {
            LOG.info("SIP endpoint {} registered from {}: {}", endpoint.name(), source,
                    outcome.bindings().isEmpty() ? "no contact (unregistered)"
                            : outcome.bindings().stream().map(Binding::contact).toList());
        }
        messages.send(transaction, response, endpoint.name());
    }

    private static RegisterRequest parse(Request request, String source) {
        List<ContactUpdate> contacts = new ArrayList<>();
        boolean wildcard = false;
        ListIterator<?> headers = request.getHeaders(ContactHeader.NAME);
        while (headers != null && headers.hasNext()) {
            ContactHeader contact = (ContactHeader) headers.next();
            if (contact.isWildCard() || contact.getAddress() == null || "*".equals(String.valueOf(contact.getAddress()))) {
                wildcard = true;
                continue;
            }
            int expires = contact.getExpires();
            contacts.add(new ContactUpdate(contact.getAddress().getURI().toString(),
                    expires >= 0 ? OptionalInt.of(expires) : OptionalInt.empty()));
        }
        ExpiresHeader expires = request.getExpires();
        CSeqHeader cseq = (CSeqHeader) request.getHeader(CSeqHeader.NAME);
        UserAgentHeader agent = (UserAgentHeader) request.getHeader(UserAgentHeader.NAME);
        String userAgent = agent == null ? "" : String.join(" ", iterable(agent.getProduct()));
        return new RegisterRequest(contacts, wildcard,
                expires == null ? OptionalInt.empty() : OptionalInt.of(expires.getExpires()),
                ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId(), cseq.getSeqNumber(), source, userAgent);
    }

    private static List<String> iterable(ListIterator<?> iterator) {
        List<String> items = new ArrayList<>();
        while (iterator != null && iterator.hasNext()) {
            items.add(String.valueOf(iterator.next()));
        }
        return items;
    }
}
