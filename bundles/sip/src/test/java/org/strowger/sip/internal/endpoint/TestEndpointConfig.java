package org.strowger.sip.internal.endpoint;

import java.lang.annotation.Annotation;

import org.strowger.sip.internal.config.EndpointConfig;

/**
 * A hand-written {@link EndpointConfig}: starts from the annotation's defaults (as the .cfg files
 * leave them) and changes one attribute at a time, like a configuration file would.
 */
@SuppressWarnings("all") // implementing an annotation interface is what DS does at run time
final class TestEndpointConfig implements EndpointConfig {

    private String name;
    private String secret = "";
    private String context = "default";
    private String codecs = "ulaw,alaw";
    private String host = "dynamic";
    private String transport = "udp";
    private boolean anonymous;
    private int qualifyIntervalSeconds = 60;
    private int maxContacts = 1;
    private boolean trace;

    private TestEndpointConfig(String name) {
        this.name = name;
    }

    static TestEndpointConfig named(String name) {
        return new TestEndpointConfig(name);
    }

    /** etc/org.strowger.sip.endpoint-alice.cfg */
    static TestEndpointConfig alice() {
        return named("alice").secret("alice-secret").context("internal").codecs("ulaw,alaw").host("dynamic")
                .qualifyIntervalSeconds(60).maxContacts(1);
    }

    /** etc/org.strowger.sip.endpoint-loadgen.cfg */
    static TestEndpointConfig loadgen() {
        return named("loadgen").context("load").codecs("ulaw,alaw").host("127.0.0.1:5061").transport("udp")
                .qualifyIntervalSeconds(0);
    }

    TestEndpointConfig name(String value) {
        name = value;
        return this;
    }

    TestEndpointConfig secret(String value) {
        secret = value;
        return this;
    }

    TestEndpointConfig context(String value) {
        context = value;
        return this;
    }

    TestEndpointConfig codecs(String value) {
        codecs = value;
        return this;
    }

    TestEndpointConfig host(String value) {
        host = value;
        return this;
    }

    TestEndpointConfig transport(String value) {
        transport = value;
        return this;
    }

    TestEndpointConfig anonymous(boolean value) {
        anonymous = value;
        return this;
    }

    TestEndpointConfig qualifyIntervalSeconds(int value) {
        qualifyIntervalSeconds = value;
        return this;
    }

    TestEndpointConfig maxContacts(int value) {
        maxContacts = value;
        return this;
    }

    TestEndpointConfig trace(boolean value) {
        trace = value;
        return this;
    }

    Endpoint parse() {
        return EndpointParser.parse(this);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String secret() {
        return secret;
    }

    @Override
    public String context() {
        return context;
    }

    @Override
    public String codecs() {
        return codecs;
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public String transport() {
        return transport;
    }

    @Override
    public boolean anonymous() {
        return anonymous;
    }

    @Override
    public int qualifyIntervalSeconds() {
        return qualifyIntervalSeconds;
    }

    @Override
    public int maxContacts() {
        return maxContacts;
    }

    @Override
    public boolean trace() {
        return trace;
    }

    @Override
    public Class<? extends Annotation> annotationType() {
        return EndpointConfig.class;
    }
}
