package org.strowger.sip.internal.config;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The SIP driver's settings, PID {@code org.strowger.sip} ({@code etc/org.strowger.sip.cfg}). */
@ObjectClassDefinition(name = "Strowger SIP driver", description = "Transports, media ports, registrar and security")
public @interface SipConfig {

    @AttributeDefinition(name = "Bind address", description = "IP address the SIP transports and RTP sockets bind to")
    String bindAddress() default "127.0.0.1";

    @AttributeDefinition(name = "SIP port", description = "UDP and TCP port of the SIP transports")
    int port() default 5060;

    @AttributeDefinition(name = "Transports", description = "Comma-separated: udp, tcp")
    String transports() default "udp,tcp";

    @AttributeDefinition(name = "External address", description = "Address written in Contact, Via and SDP;"
            + " empty means the bind address")
    String externalAddress() default "";

    @AttributeDefinition(name = "Lowest RTP port")
    int rtpPortMin() default 10000;

    @AttributeDefinition(name = "Highest RTP port")
    int rtpPortMax() default 20000;

    @AttributeDefinition(name = "RTP I/O threads", description = "Threads that carry all RTP; there is no thread per call")
    int rtpIoThreads() default 1;

    @AttributeDefinition(name = "SIP threads", description = "Threads that process SIP messages")
    int sipThreads() default 4;

    @AttributeDefinition(name = "Realm", description = "Digest authentication realm")
    String realm() default "strowger";

    @AttributeDefinition(name = "Digest algorithms", description = "Offered in this order, comma-separated: MD5, SHA-256."
            + " Some phones (baresip 1.0) refuse a list that includes SHA-256 and many (sipp) answer only the first,"
            + " so the default is MD5 alone")
    String authAlgorithms() default "MD5";

    @AttributeDefinition(name = "Default registration expiry (s)")
    int defaultExpires() default 3600;

    @AttributeDefinition(name = "Shortest registration expiry (s)", description = "Shorter requests get 423 Interval Too Brief")
    int minExpires() default 60;

    @AttributeDefinition(name = "Longest registration expiry (s)")
    int maxExpires() default 7200;

    @AttributeDefinition(name = "Authentication failures before blocking", description = "Per source address, within the window")
    int authMaxFailures() default 5;

    @AttributeDefinition(name = "Authentication failure window (s)")
    int authFailureWindowSeconds() default 60;

    @AttributeDefinition(name = "Block time after too many failures (s)")
    int authBlockSeconds() default 60;

    @AttributeDefinition(name = "User-Agent / Server header")
    String userAgent() default "Strowger";
}
