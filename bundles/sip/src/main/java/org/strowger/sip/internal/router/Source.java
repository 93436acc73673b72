package org.strowger.sip.internal.router;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Locale;

import javax.sip.header.ViaHeader;
import javax.sip.message.Message;

import gov.nist.javax.sip.message.SIPMessage;

/** Where a message really came from: the packet's address and port, and the transport. */
public record Source(String transport, InetSocketAddress address) {

    public static Source of(Message message) {
        String transport = "udp";
        ViaHeader via = (ViaHeader) message.getHeader(ViaHeader.NAME);
        if (via != null && via.getTransport() != null) {
            transport = via.getTransport().toLowerCase(Locale.ROOT);
        }
        InetAddress address = null;
        int port = 0;
        if (message instanceof SIPMessage sip) {
            address = sip.getPeerPacketSourceAddress();
            port = sip.getPeerPacketSourcePort();
            if (address == null) {
                address = sip.getRemoteAddress();
                port = sip.getRemotePort();
            }
        }
        if (address == null) {
            address = InetAddress.getLoopbackAddress();
        }
        return new Source(transport, new InetSocketAddress(address, port));
    }

    public InetAddress ip() {
        return address.getAddress();
    }

    @Override
    public String toString() {
        return transport + ":" + address.getAddress().getHostAddress() + ":" + address.getPort();
    }
}
