package org.strowger.sip.internal.torture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.strowger.sip.internal.torture.JainSipProbe.Verdict.ACCEPTS;
import static org.strowger.sip.internal.torture.JainSipProbe.Verdict.ACCEPTS_DROPPING_HEADERS;
import static org.strowger.sip.internal.torture.JainSipProbe.Verdict.REJECTS;
import static org.strowger.sip.internal.torture.TortureCorpus.Handling.DEVIATION;
import static org.strowger.sip.internal.torture.TortureCorpus.Handling.DRIVER_CHECK;
import static org.strowger.sip.internal.torture.TortureCorpus.Handling.DRIVER_RAW_CHECK;
import static org.strowger.sip.internal.torture.TortureCorpus.Handling.LIBERAL_ACCEPT;
import static org.strowger.sip.internal.torture.TortureCorpus.Handling.PROCESS;
import static org.strowger.sip.internal.torture.TortureCorpus.Handling.STACK_REJECTS;
import static org.strowger.sip.internal.torture.TortureCorpus.RfcClass.INVALID;
import static org.strowger.sip.internal.torture.TortureCorpus.RfcClass.LEGACY;
import static org.strowger.sip.internal.torture.TortureCorpus.RfcClass.SEMANTIC;
import static org.strowger.sip.internal.torture.TortureCorpus.RfcClass.VALID;

import gov.nist.javax.sip.address.AddressImpl;
import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import javax.sip.address.SipURI;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.ViaHeader;
import org.strowger.sip.internal.torture.JainSipProbe.Verdict;

/**
 * The RFC 4475 messages, what the RFC says about each, what JAIN-SIP 1.3.0-91's parser does with it
 * (pinned: a change either way fails {@link TortureParseTest}), and what the SIP driver must do about
 * it. Read together this is the specification of the driver's bad-input handling.
 */
final class TortureCorpus {

    /** How RFC 4475 classifies a message. */
    enum RfcClass {
        /** Section 3.1.1: syntactically valid, a parser must accept it. */
        VALID,
        /** Section 3.1.2: syntactically invalid. */
        INVALID,
        /** Sections 3.2 and 3.3: valid syntax, the torture is in transaction/application semantics. */
        SEMANTIC,
        /** Section 3.4: RFC 2543 syntax an RFC 3261 element should still accept. */
        LEGACY
    }

    /** Who deals with the message, given the parser's verdict. */
    enum Handling {
        /** Parser accepts a message the RFC wants processed; nothing special for the driver. */
        PROCESS,
        /**
         * Parser rejects; the stack's UDP channel answers a request with an automatic 400 (when it can)
         * and drops a response.
         */
        STACK_REJECTS,
        /** Parser accepts and normalises an error RFC 4475 explicitly lets a liberal receiver accept. */
        LIBERAL_ACCEPT,
        /** Parser accepts; the defect is visible in the parsed message and the driver must act on it. */
        DRIVER_CHECK,
        /** Parser accepts and hides the defect: the driver can only catch it from the raw bytes. */
        DRIVER_RAW_CHECK,
        /** A message the RFC says must be accepted and processed, which JAIN-SIP mishandles. */
        DEVIATION
    }

    /**
     * One message.
     *
     * @param name file name in {@code rfc4475/} without {@code .sip}
     * @param section RFC 4475 section
     * @param rfcClass the RFC's classification
     * @param parser the verdict JAIN-SIP's parser is pinned to
     * @param handling who handles it
     * @param driver what the SIP driver must do (the check, and the response)
     * @param deviation for {@link Handling#DEVIATION} only: what JAIN-SIP gets wrong
     * @param witness assertions on the parsed message: the facts the driver's handling relies on
     */
    record Case(String name, String section, RfcClass rfcClass, Verdict parser, Handling handling,
            String driver, String deviation, Consumer<SIPMessage> witness) {
    }

    static final List<Case> CASES = List.of(
            // ---- 3.1.1 valid messages: every one must parse ----
            new Case("wsinv", "3.1.1.1", VALID, ACCEPTS, PROCESS,
                    "Process normally (LWS/folding, short forms, leading zeros all normalised by the parser).", null,
                    m -> {
                        SIPRequest r = (SIPRequest) m;
                        assertThat(r.getMethod()).isEqualTo("INVITE");
                        assertThat(((SipURI) r.getRequestURI()).getParameter("unknownparam")).isNotNull();
                        assertThat(r.getMaxForwards().getMaxForwards()).isEqualTo(68);
                        assertThat(r.getCSeq().getSeqNumber()).isEqualTo(9L);
                        assertThat(r.getViaHeaders()).hasSize(3);
                        assertThat(r.getCallId().getCallId()).isEqualTo("wsinv.ndaksdj@192.0.2.1");
                    }),
            new Case("intmeth", "3.1.1.2", VALID, ACCEPTS, PROCESS,
                    "Unknown method: UAS answers 501 Not Implemented. % in a method is not an escape.", null,
                    m -> {
                        SIPRequest r = (SIPRequest) m;
                        assertThat(r.getMethod()).isEqualTo("!interesting-Method0123456789_*+`.%indeed'~");
                        assertThat(r.getCSeq().getMethod()).isEqualTo(r.getMethod());
                    }),
            new Case("esc01", "3.1.1.3", VALID, ACCEPTS, PROCESS,
                    "Process normally; compare URIs with %HH decoded (never decode twice: value%41 != valueA).", null,
                    m -> assertThat(((SipURI) ((SIPRequest) m).getRequestURI()).getUser())
                            .isEqualTo("sips%3Auser%40example.com")),
            new Case("escnull", "3.1.1.4", VALID, ACCEPTS, PROCESS,
                    "Process normally: registers two distinct contacts; %00 must not truncate the AOR user.", null,
                    m -> {
                        assertThat(((SipURI) m.getTo().getAddress().getURI()).getUser()).isEqualTo("null-%00-null");
                        assertThat(contacts(m)).hasSize(2);
                    }),
            new Case("esc02", "3.1.1.5", VALID, ACCEPTS, PROCESS,
                    "Unknown method RE%47IST%45R (not REGISTER): UAS answers 501. Two Contacts, C%6Fntact is an "
                            + "extension header.", null,
                    m -> {
                        SIPRequest r = (SIPRequest) m;
                        assertThat(r.getMethod()).isEqualTo("RE%47IST%45R");
                        assertThat(r.getTo().getAddress().getDisplayName()).isEqualTo("%Z%45");
                        assertThat(contacts(m)).hasSize(2);
                        assertThat(r.getHeader("C%6Fntact")).isNotNull();
                    }),
            new Case("lwsdisp", "3.1.1.6", VALID, ACCEPTS, PROCESS,
                    "Process normally (no LWS between display name and '<' is accepted).", null,
                    m -> assertThat(m.getFrom().getAddress().getDisplayName()).isEqualTo("caller")),
            new Case("longreq", "3.1.1.7", VALID, ACCEPTS, PROCESS,
                    "Process normally; no fixed-size buffers for header values or header counts.", null,
                    m -> {
                        assertThat(m.getViaHeaders()).hasSizeGreaterThan(30);
                        assertThat(m.getCallId().getCallId()).hasSizeGreaterThan(100);
                    }),
            new Case("dblreq", "3.1.1.8", VALID, ACCEPTS, PROCESS,
                    "Handle the REGISTER; the octets after Content-Length (an INVITE) are ignored, never "
                            + "forwarded.", null,
                    m -> {
                        assertThat(((SIPRequest) m).getMethod()).isEqualTo("REGISTER");
                        assertThat(m.getRawContent()).isNull();
                    }),
            new Case("semiuri", "3.1.1.9", VALID, ACCEPTS, PROCESS,
                    "Process normally; the R-URI user part is 'user;par=u@example.net'.", null,
                    m -> {
                        SipURI uri = (SipURI) ((SIPRequest) m).getRequestURI();
                        assertThat(uri.getUser()).isEqualTo("user;par=u%40example.net");
                        assertThat(uri.getHost()).isEqualTo("example.com");
                    }),
            new Case("transports", "3.1.1.10", VALID, ACCEPTS, PROCESS,
                    "Process normally; unknown Via transports are just tokens.", null,
                    m -> assertThat(m.getViaHeaders()).extracting(v -> ((Via) v).getTransport())
                            .containsExactly("UDP", "SCTP", "TLS", "UNKNOWN", "TCP")),
            new Case("mpart01", "3.1.1.11", VALID, ACCEPTS, PROCESS,
                    "Frame by Content-Length (binary body with NULs); unsupported multipart/signed is an "
                            + "application decision, not a parse error.", null,
                    m -> {
                        assertThat(m.getRawContent()).hasSize(m.getContentLength().getContentLength());
                        assertThat(((ContentTypeHeader) m.getHeader("Content-Type")).getContentType())
                                .isEqualToIgnoringCase("multipart");
                    }),
            new Case("unreason", "3.1.1.12", VALID, ACCEPTS, PROCESS,
                    "Process normally; the reason phrase is UTF-8 text for humans only.", null,
                    m -> {
                        assertThat(((SIPResponse) m).getStatusCode()).isEqualTo(200);
                        assertThat(((SIPResponse) m).getReasonPhrase()).contains("простое");
                    }),
            new Case("noreason", "3.1.1.13", VALID, ACCEPTS, PROCESS,
                    "Process normally; an empty reason phrase is legal.", null,
                    m -> {
                        assertThat(((SIPResponse) m).getStatusCode()).isEqualTo(100);
                        assertThat(((SIPResponse) m).getReasonPhrase()).isEmpty();
                    }),

            // ---- 3.1.2 invalid messages ----
            new Case("badinv01", "3.1.2.1", INVALID, REJECTS, STACK_REJECTS,
                    "Nothing: parser rejects (empty Via params); stack answers 400.", null, null),
            new Case("clerr", "3.1.2.2", INVALID, REJECTS, STACK_REJECTS,
                    "Nothing: parser rejects a datagram shorter than Content-Length; stack answers 400. (TCP: "
                            + "the stream just waits for more octets.)", null, null),
            new Case("ncl", "3.1.2.3", INVALID, REJECTS, STACK_REJECTS,
                    "Nothing: parser rejects Content-Length -999; stack answers 400 (TCP: framing lost).", null, null),
            new Case("scalar02", "3.1.2.4", INVALID, REJECTS, STACK_REJECTS,
                    "Nothing: parser rejects the CSeq > 2^32-1 (the RFC's reason for 400).", null, null),
            new Case("scalarlg", "3.1.2.5", INVALID, REJECTS, STACK_REJECTS,
                    "Nothing: parser rejects the CSeq > 2^32-1; the response is dropped.", null, null),
            new Case("quotbal", "3.1.2.6", INVALID, REJECTS, STACK_REJECTS,
                    "Nothing: parser rejects the unterminated quote; stack answers 400.", null, null),
            new Case("ltgtruri", "3.1.2.7", INVALID, REJECTS, STACK_REJECTS,
                    "Nothing: parser rejects <> around the Request-URI; stack answers 400.", null, null),
            new Case("lwsruri", "3.1.2.8", INVALID, REJECTS, STACK_REJECTS,
                    "Nothing: parser rejects LWS inside the Request-URI; stack answers 400.", null, null),
            new Case("lwsstart", "3.1.2.9", INVALID, ACCEPTS, LIBERAL_ACCEPT,
                    "Nothing: liberal acceptance is allowed; the re-encoded request line has single SPs.", null,
                    m -> assertThat(((SIPRequest) m).getRequestLine().encode())
                            .isEqualTo("INVITE sip:user@example.com SIP/2.0\r\n")),
            new Case("trws", "3.1.2.10", INVALID, ACCEPTS, LIBERAL_ACCEPT,
                    "Nothing: liberal acceptance is allowed; the re-encoded request line has no trailing SP.", null,
                    m -> assertThat(((SIPRequest) m).getRequestLine().encode())
                            .isEqualTo("OPTIONS sip:remote-target@example.com SIP/2.0\r\n")),
            new Case("escruri", "3.1.2.11", INVALID, ACCEPTS, DRIVER_CHECK,
                    "Request-URI is a SIP/SIPS URI with headers (?...): answer 400. Never apply or forward "
                            + "R-URI headers.", null,
                    m -> assertThat(((SipURI) ((SIPRequest) m).getRequestURI()).getHeader("Route"))
                            .isEqualTo("%3Csip:example.com%3E")),
            new Case("baddate", "3.1.2.12", INVALID, ACCEPTS_DROPPING_HEADERS, LIBERAL_ACCEPT,
                    "Nothing: the stack drops the non-GMT Date header; the driver never relies on Date.", null,
                    m -> assertThat(m.getHeader("Date")).isNull()),
            new Case("regbadct", "3.1.2.13", INVALID, ACCEPTS, DRIVER_CHECK,
                    "Registrar: a Contact in addr-spec form (no <>) whose URI has headers (or otherwise needs "
                            + "<>) is ambiguous: answer 400.", null,
                    m -> {
                        ContactHeader contact = contacts(m).get(0);
                        assertThat(((AddressImpl) contact.getAddress()).getAddressType())
                                .isEqualTo(AddressImpl.ADDRESS_SPEC);
                        assertThat(((SipURI) contact.getAddress().getURI()).getHeaderNames().hasNext()).isTrue();
                    }),
            new Case("badaspec", "3.1.2.14", INVALID, ACCEPTS, LIBERAL_ACCEPT,
                    "Nothing: liberal acceptance is allowed; the parser drops the spaces inside <>.", null,
                    m -> assertThat(m.getTo().getAddress().getURI().toString()).isEqualTo("sip:t.watson@example.org")),
            new Case("baddn", "3.1.2.15", INVALID, ACCEPTS, LIBERAL_ACCEPT,
                    "Nothing: liberal acceptance (inferred quotes) is allowed; the display name re-encodes "
                            + "quoted, so the error is not propagated. (Must reject instead if these headers are "
                            + "ever covered by a signature.)", null,
                    m -> assertThat(m.getFrom().toString()).contains("\"Bell, Alexander\"")),
            new Case("badvers", "3.1.2.16", INVALID, ACCEPTS, DRIVER_RAW_CHECK,
                    "Answer 505 Version Not Supported when the start line's version is not SIP/2.0. JAIN-SIP "
                            + "reports SIP/2.0 for any SIP/x.y (its own 505 check never fires), so check the raw "
                            + "start line; the top Via's SIP/7.0 is the only trace left after parsing.", null,
                    m -> {
                        assertThat(((SIPRequest) m).getRequestLine().getSipVersion()).isEqualTo("SIP/2.0");
                        assertThat(((ViaHeader) m.getTopmostVia()).getProtocol()).isEqualTo("SIP/7.0");
                    }),
            new Case("mismatch01", "3.1.2.17", INVALID, ACCEPTS, DRIVER_CHECK,
                    "CSeq method != request method: answer 400. (JAIN-SIP's UDP/TCP channels already answer "
                            + "400 for this before the driver; keep the check as a guard.)", null,
                    m -> assertThat(m.getCSeq().getMethod()).isNotEqualTo(((SIPRequest) m).getMethod())),
            new Case("mismatch02", "3.1.2.18", INVALID, ACCEPTS, DRIVER_CHECK,
                    "Unknown method: answer 501 (checked before the CSeq match; 400 is also acceptable, which "
                            + "is what the stack's own CSeq check sends first).", null,
                    m -> {
                        assertThat(((SIPRequest) m).getMethod()).isEqualTo("NEWMETHOD");
                        assertThat(m.getCSeq().getMethod()).isEqualTo("INVITE");
                    }),
            new Case("bigcode", "3.1.2.19", INVALID, REJECTS, STACK_REJECTS,
                    "Nothing: parser rejects status code 4294967301; the response is dropped.", null, null),

            // ---- 3.2 transaction layer ----
            new Case("badbranch", "3.2.1", SEMANTIC, ACCEPTS, DRIVER_CHECK,
                    "Top Via branch is exactly the magic cookie 'z9hG4bK': answer 400 statelessly (or match "
                            + "RFC 2543-style); never key a transaction on the bare cookie.", null,
                    m -> assertThat(m.getTopmostVia().getBranch()).isEqualTo("z9hG4bK")),

            // ---- 3.3 application layer ----
            new Case("insuf", "3.3.1", SEMANTIC, ACCEPTS, DRIVER_CHECK,
                    "Missing Call-ID/From/To: answer 400, never NPE. (JAIN-SIP's UDP channel already drops "
                            + "messages without Via/From/To/Call-ID/CSeq.)", null,
                    m -> {
                        assertThat(m.getFrom()).isNull();
                        assertThat(m.getTo()).isNull();
                        assertThat(m.getCallId()).isNull();
                    }),
            new Case("unkscm", "3.3.2", SEMANTIC, ACCEPTS, DRIVER_CHECK,
                    "Request-URI scheme not sip/sips/tel: answer 416 Unsupported URI Scheme; never route on To.",
                    null,
                    m -> assertThat(((SIPRequest) m).getRequestURI().getScheme()).isEqualTo("nobodyKnowsThisScheme")),
            new Case("novelsc", "3.3.3", SEMANTIC, ACCEPTS, DRIVER_CHECK,
                    "Request-URI scheme soap.beep (registered but never served): answer 416.", null,
                    m -> assertThat(((SIPRequest) m).getRequestURI().getScheme()).isEqualTo("soap.beep")),
            new Case("unksm2", "3.3.4", SEMANTIC, ACCEPTS, DRIVER_CHECK,
                    "Registrar: To (the AOR) is not a SIP/SIPS URI: answer 400. Other URIs with odd schemes "
                            + "are carried as-is.", null,
                    m -> {
                        assertThat(m.getTo().getAddress().getURI().getScheme()).isEqualTo("isbn");
                        assertThat(m.getFrom().getAddress().getURI().getScheme()).isEqualTo("http");
                    }),
            new Case("bext01", "3.3.5", SEMANTIC, ACCEPTS, DRIVER_CHECK,
                    "As UAS: Require has unsupported option tags: answer 420 Bad Extension with Unsupported "
                            + "listing them (Proxy-Require is ignored by a UAS).", null,
                    m -> assertThat(headerValues(m, "Require"))
                            .containsExactly("nothingSupportsThis", "nothingSupportsThisEither")),
            new Case("invut", "3.3.6", SEMANTIC, ACCEPTS, DRIVER_CHECK,
                    "UAS: body Content-Type not understood (application/unknownformat): answer 415 with "
                            + "Accept: application/sdp.", null,
                    m -> assertThat(((ContentTypeHeader) m.getHeader("Content-Type")).getContentSubType())
                            .isEqualTo("unknownformat")),
            new Case("regaut01", "3.3.7", SEMANTIC, ACCEPTS, DRIVER_CHECK,
                    "Registrar: unknown Authorization scheme is no credential: answer 401 with a Digest "
                            + "challenge (if auth is off, ignore the header).", null,
                    m -> assertThat(m.getHeader("Authorization").toString()).contains("NoOneKnowsThisScheme")),
            new Case("multi01", "3.3.8", SEMANTIC, ACCEPTS, DRIVER_RAW_CHECK,
                    "Answer 400 when Call-ID/To/From/CSeq/Max-Forwards occur more than once. JAIN-SIP silently "
                            + "keeps the first of each, so count them in the raw bytes.", null,
                    m -> {
                        // the duplicates are gone: nothing in the parsed message betrays them
                        assertThat(headerValues(m, "To")).hasSize(1);
                        assertThat(headerValues(m, "From")).hasSize(1);
                        assertThat(headerValues(m, "Call-ID")).hasSize(1);
                        assertThat(m.getCSeq().getSeqNumber()).isEqualTo(5L);
                        assertThat(((SIPRequest) m).getMaxForwards().getMaxForwards()).isEqualTo(70);
                    }),
            new Case("mcl01", "3.3.9", SEMANTIC, ACCEPTS, DRIVER_RAW_CHECK,
                    "Conflicting Content-Length headers: framing error, answer 400 (UDP) or close the "
                            + "connection (TCP). JAIN-SIP keeps one header and re-derives the length from the "
                            + "datagram, so only the raw bytes show it.", null,
                    m -> {
                        assertThat(headerValues(m, "Content-Length")).hasSize(1);
                        assertThat(m.getContentLength().getContentLength()).isEqualTo(m.getRawContent().length);
                    }),
            new Case("bcast", "3.3.10", SEMANTIC, ACCEPTS, DRIVER_CHECK,
                    "UA receiving a response with more than one Via: discard it (never send anything toward "
                            + "255.255.255.255).", null,
                    m -> {
                        assertThat(m.getViaHeaders()).hasSize(2);
                        assertThat(((ViaHeader) m.getViaHeaders().getLast()).getHost()).isEqualTo("255.255.255.255");
                    }),
            new Case("zeromf", "3.3.11", SEMANTIC, ACCEPTS, DRIVER_CHECK,
                    "Handled locally (OPTIONS, REGISTER, local UAS): process normally. Must not originate a "
                            + "B2BUA outbound leg from it: answer 483 Too Many Hops instead.", null,
                    m -> assertThat(((SIPRequest) m).getMaxForwards().getMaxForwards()).isZero()),
            new Case("cparam01", "3.3.12", SEMANTIC, ACCEPTS, PROCESS,
                    "Registrar: 'unknownparam' is a contact-param, not part of the bound URI.", null,
                    m -> {
                        ContactHeader contact = contacts(m).get(0);
                        assertThat(contact.getAddress().getURI().toString())
                                .isEqualTo("sip:+19725552222@gw1.example.net");
                        assertThat(contact.getParameter("unknownparam")).isNotNull();
                    }),
            new Case("cparam02", "3.3.13", SEMANTIC, ACCEPTS, PROCESS,
                    "Registrar: 'unknownparam' is a URI parameter and stays in the binding.", null,
                    m -> {
                        ContactHeader contact = contacts(m).get(0);
                        assertThat(((SipURI) contact.getAddress().getURI()).getParameter("unknownparam")).isNotNull();
                        assertThat(contact.getParameterNames().hasNext()).isFalse();
                    }),
            new Case("regescrt", "3.3.14", SEMANTIC, ACCEPTS, PROCESS,
                    "Registrar: the binding keeps the escaped Route header in the contact URI.", null,
                    m -> assertThat(((SipURI) contacts(m).get(0).getAddress().getURI()).getHeader("Route"))
                            .isEqualTo("%3Csip:sip.example.com%3E")),
            new Case("sdp01", "3.3.15", SEMANTIC, ACCEPTS, DRIVER_CHECK,
                    "UAS: INVITE whose Accept excludes application/sdp: answer 406 Not Acceptable (400 also "
                            + "acceptable).", null,
                    m -> assertThat(headerValues(m, "Accept")).containsExactly("text/nobodyKnowsThis")),

            // ---- 3.4 backward compatibility ----
            new Case("inv2543", "3.4.1", LEGACY, ACCEPTS, DEVIATION,
                    "Accept RFC 2543 syntax: no branch (stack matches 2543-style), no From tag, no "
                            + "Max-Forwards (treat as 70). The SDP body is lost (see deviation): either restore it "
                            + "from the raw datagram (UDP, no Content-Length: body = rest of datagram) or treat "
                            + "the INVITE as offerless.",
                    "Without Content-Length JAIN-SIP assumes 0 and drops the UDP body (RFC 3261 18.3 says the "
                            + "body runs to the end of the datagram), so the INVITE's SDP offer is lost.",
                    m -> {
                        assertThat(m.getTopmostVia().getBranch()).isNull();
                        assertThat(m.getFromTag()).isNull();
                        assertThat(m.getHeader("Max-Forwards")).isNull();
                        assertThat(m.getRawContent()).isNull();
                    }));

    private TortureCorpus() {
    }

    static List<ContactHeader> contacts(SIPMessage m) {
        List<ContactHeader> contacts = new ArrayList<>();
        for (Iterator<?> it = m.getHeaders(ContactHeader.NAME); it.hasNext();) {
            contacts.add((ContactHeader) it.next());
        }
        return contacts;
    }

    /** Encoded values of every header of that name, one per (comma-separated) value. */
    static List<String> headerValues(SIPMessage m, String name) {
        List<String> values = new ArrayList<>();
        for (Iterator<?> it = m.getHeaders(name); it.hasNext();) {
            String encoded = it.next().toString();
            values.add(encoded.substring(encoded.indexOf(':') + 1).trim());
        }
        return values;
    }
}
