package org.strowger.itests.felix.misdn;

import static org.ops4j.pax.exam.CoreOptions.bundle;

import org.ops4j.pax.exam.Option;
import org.strowger.itests.felix.StrowgerArtifacts;

/** What a SIP platform test needs for the mISDN driver on the simulated card, and its dialplan. */
public final class MisdnBundles {

    /** Internal calls to 2XXX go out on port 1 and come back on port 2, where 2600 echoes. */
    public static final String DIALPLAN = String.join("\n",
            "[internal]",
            "exten => _2XXX,1,Dial(mISDN/1/${EXTEN},20)",
            " same => n,Hangup()",
            "",
            "[from-isdn]",
            "exten => 2600,1,Answer()",
            " same => n,Echo()",
            "");

    private MisdnBundles() {
    }

    /** The native bridge, the API and the driver. */
    public static Option[] bundles() {
        return new Option[] {
            bundle(StrowgerArtifacts.bundleUrl("bundles/misdn-native", "strowger-misdn-native")),
            bundle(StrowgerArtifacts.bundleUrl("bundles/misdn-api", "strowger-misdn-api")),
            bundle(StrowgerArtifacts.bundleUrl("bundles/misdn", "strowger-misdn"))
        };
    }
}
