package org.strowger.sip.internal.endpoint;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.strowger.sip.internal.config.EndpointConfig;

/**
 * One endpoint configuration ({@code etc/org.strowger.sip.endpoint-<name>.cfg}) as a service the
 * driver tracks. A bad configuration is logged with the reason and registers nothing.
 */
@Component(service = EndpointComponent.class, configurationPid = EndpointComponent.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = EndpointConfig.class, factory = true)
public class EndpointComponent {

    public static final String PID = "org.strowger.sip.endpoint";
    private static final Logger LOG = LoggerFactory.getLogger(EndpointComponent.class);

    private volatile Endpoint endpoint;

    @Activate
    public EndpointComponent(EndpointConfig config) {
        this.endpoint = parse(config);
    }

    @Modified
    void modified(EndpointConfig config) {
        this.endpoint = parse(config);
    }

    private static Endpoint parse(EndpointConfig config) {
        try {
            return EndpointParser.parse(config);
        } catch (IllegalArgumentException e) {
            LOG.error("SIP endpoint configuration refused: {}", e.getMessage());
            throw e;
        }
    }

    public Endpoint endpoint() {
        return endpoint;
    }
}
