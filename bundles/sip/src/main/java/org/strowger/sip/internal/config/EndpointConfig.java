package org.strowger.sip.internal.config;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One SIP endpoint, factory PID {@code org.strowger.sip.endpoint}
 * ({@code etc/org.strowger.sip.endpoint-<name>.cfg}); editable while the platform runs.
 */
@ObjectClassDefinition(name = "Strowger SIP endpoint", description = "A phone or trunk allowed to talk to the platform")
public @interface EndpointConfig {

    @AttributeDefinition(name = "Name", description = "Endpoint name: the digest user name and the resource of SIP/<name>")
    String name();

    @AttributeDefinition(name = "Secret", description = "Digest password; empty for trunks identified by address and port",
            type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String secret() default "";

    @AttributeDefinition(name = "Context", description = "Dialplan context where its calls start")
    String context() default "default";

    @AttributeDefinition(name = "Codecs", description = "Comma-separated, in preference order: ulaw, alaw")
    String codecs() default "ulaw,alaw";

    @AttributeDefinition(name = "Host", description = "'dynamic' (the endpoint registers) or a static host:port")
    String host() default "dynamic";

    @AttributeDefinition(name = "Transport to a static host", description = "udp or tcp")
    String transport() default "udp";

    @AttributeDefinition(name = "Anonymous", description = "true: takes calls from any source that matches no other"
            + " endpoint (guest calls). Only with an empty secret; off unless you mean it")
    boolean anonymous() default false;

    @AttributeDefinition(name = "Qualify interval (s)", description = "OPTIONS ping interval; 0 turns qualify off")
    int qualifyIntervalSeconds() default 60;

    @AttributeDefinition(name = "Most contacts", description = "Registered contacts kept; the oldest goes first")
    int maxContacts() default 1;

    @AttributeDefinition(name = "Trace", description = "Log every SIP message to and from this endpoint")
    boolean trace() default false;
}
