package org.strowger.sip.internal.security;

import java.net.InetAddress;
import java.util.Collection;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.strowger.sip.internal.endpoint.Endpoint;

/** Shipped demo passwords are public: warn loudly when they guard a port others can reach. */
public final class DemoSecretsCheck {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSecretsCheck.class);
    static final Set<String> DEMO_SECRETS = Set.of("alice-secret", "bob-secret", "carol-secret");

    private DemoSecretsCheck() {
    }

    /** @return true when it warned */
    public static boolean warnIfExposed(InetAddress bind, Collection<Endpoint> endpoints) {
        if (bind.isLoopbackAddress()) {
            return false;
        }
        boolean warned = false;
        for (Endpoint endpoint : endpoints) {
            if (endpoint.secret().filter(DEMO_SECRETS::contains).isPresent()) {
                LOG.warn("SECURITY: SIP endpoint '{}' uses the published demo secret while SIP listens on {},"
                        + " which is not loopback: anyone who can reach it can register and place calls."
                        + " Change the secret in etc/org.strowger.sip.endpoint-{}.cfg", endpoint.name(),
                        bind.getHostAddress(), endpoint.name());
                warned = true;
            }
        }
        return warned;
    }
}
