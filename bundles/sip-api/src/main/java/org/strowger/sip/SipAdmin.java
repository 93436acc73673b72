package org.strowger.sip;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Operator view and controls of the running SIP driver (console, management tools). */
@ProviderType
public interface SipAdmin {

    /** Every configured endpoint, sorted by name. */
    List<EndpointStatus> endpoints();

    Optional<EndpointStatus> endpoint(String name);

    /** Current registrations (contact bindings), sorted by endpoint then contact. */
    List<RegistrationInfo> registrations();

    /** Live INVITE dialogs with the channel each one drives. */
    List<DialogInfo> dialogs();

    /**
     * Turns logging of every SIP message to and from an endpoint on or off.
     *
     * @return false when no endpoint has that name
     */
    boolean trace(String endpoint, boolean on);

    /** RTP packet counters of the media engine. */
    MediaStatistics mediaStatistics();

    /** Where the driver listens, e.g. {@code udp:127.0.0.1:5060}. */
    List<String> listeningPoints();
}
