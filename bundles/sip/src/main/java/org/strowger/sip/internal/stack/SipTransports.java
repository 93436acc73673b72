package org.strowger.sip.internal.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TooManyListenersException;
import java.util.stream.Collectors;

import javax.sip.ListeningPoint;
import javax.sip.SipException;
import javax.sip.SipListener;
import javax.sip.SipProvider;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import gov.nist.javax.sip.SipStackImpl;

/**
 * The transport and transaction layers: one JAIN-SIP stack with a UDP and/or TCP listening
 * point on the configured address, and the single provider our listener hears everything from.
 */
public final class SipTransports implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SipTransports.class);
    /** The name JAIN-SIP gives the thread its stack constructor starts to deliver events. */
    private static final String EVENT_SCANNER = "EventScannerThread";

    private final SipStackImpl stack;
    /**
     * The stack's event scanner thread, which {@code SipStackImpl.stop()} of JAIN-SIP 1.3.0-91 does
     * not end: {@code EventScanner.forceStop()} sets a flag but leaves the thread blocked in
     * {@code take()} on its empty queue, holding the stopped stack (and our bundle's class loader)
     * for good. Interrupting it is what ends it; null if it could not be told apart from another
     * stack's (two stacks created at the same moment).
     */
    private final Thread eventScanner;
    private final SipProvider provider;
    private final List<ListeningPoint> points = new ArrayList<>();
    private final String host;
    private final int port;

    public SipTransports(String bindAddress, int port, List<String> transports, int threads, SipListener listener)
            throws SipException {
        this.host = bindAddress;
        this.port = port;
        Properties properties = new Properties();
        // also the log4j category JAIN-SIP logs under (etc/org.ops4j.pax.logging.cfg quiets it)
        properties.setProperty("javax.sip.STACK_NAME", "strowger-sip");
        properties.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        properties.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", Integer.toString(Math.max(1, threads)));
        properties.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        properties.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        properties.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
        properties.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", "65536");
        // JAIN-SIP asks for an 8 KiB UDP socket buffer by default: a burst of BYEs overflows it and
        // peers retransmit; ask for 4 MiB (the kernel caps it at net.core.rmem_max / wmem_max)
        properties.setProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE", Integer.toString(4 << 20));
        properties.setProperty("gov.nist.javax.sip.SEND_UDP_BUFFER_SIZE", Integer.toString(4 << 20));
        properties.setProperty("gov.nist.javax.sip.AGGRESSIVE_CLEANUP", "true");
        properties.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        properties.setProperty("gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS", "20000");
        properties.setProperty("gov.nist.javax.sip.MAX_CLIENT_TRANSACTIONS", "20000");
        Set<Thread> scannersBefore = eventScanners();
        this.stack = new SipStackImpl(properties);
        Set<Thread> ours = eventScanners();
        ours.removeAll(scannersBefore);
        this.eventScanner = ours.size() == 1 ? ours.iterator().next() : null;
        // before the first listening point: each channel takes its parser when it is created
        RawMessageGuard.install(stack);
        SipProvider made = null;
        try {
            for (String transport : transports) {
                ListeningPoint point = stack.createListeningPoint(bindAddress, port, transport.toLowerCase(Locale.ROOT));
                points.add(point);
                if (made == null) {
                    made = stack.createSipProvider(point);
                } else {
                    made.addListeningPoint(point);
                }
            }
            if (made == null) {
                throw new SipException("no transport configured (transports = udp, tcp or both)");
            }
            made.addSipListener(listener);
            stack.start();
        } catch (SipException e) {
            close();
            throw e;
        } catch (TooManyListenersException | javax.sip.InvalidArgumentException e) {
            close();
            throw new SipException("cannot listen on " + bindAddress + ":" + port + " " + transports + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close();
            throw new SipException("cannot listen on " + bindAddress + ":" + port + " " + transports + ": " + e, e);
        }
        this.provider = made;
    }

    public SipProvider provider() {
        return provider;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public boolean supports(String transport) {
        return points.stream().anyMatch(p -> p.getTransport().equalsIgnoreCase(transport));
    }

    /** e.g. {@code udp:127.0.0.1:5060}. */
    public List<String> describe() {
        return points.stream().map(p -> p.getTransport().toLowerCase(Locale.ROOT) + ":" + p.getIPAddress() + ":" + p.getPort())
                .toList();
    }

    @Override
    public void close() {
        stack.stop();
        if (eventScanner != null) {
            eventScanner.interrupt();
        } else {
            LOG.warn("JAIN-SIP's event scanner thread of the stopped SIP stack could not be identified;"
                    + " it stays blocked until the JVM ends");
        }
    }

    private static Set<Thread> eventScanners() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> EVENT_SCANNER.equals(t.getName()))
                .collect(Collectors.toSet());
    }
}
