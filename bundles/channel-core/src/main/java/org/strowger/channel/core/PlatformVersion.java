package org.strowger.channel.core;

import org.osgi.framework.Bundle;

/** Reads the Strowger release the core was built as, from its manifest. */
final class PlatformVersion {

    static final String HEADER = "Strowger-Version";

    private PlatformVersion() {
    }

    static String of(Bundle coreBundle) {
        String version = coreBundle.getHeaders().get(HEADER);
        // A core built without the header (an IDE build) still runs; the bundle version is close enough.
        return version != null ? version : coreBundle.getVersion().toString();
    }
}
