package org.strowger.pbx.internal.service;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the PBX, PID {@code org.strowger.pbx} ({@code etc/org.strowger.pbx.cfg}). */
@ObjectClassDefinition(name = "Strowger PBX", description = "Dialplan engine settings")
public @interface PbxConfig {

    @AttributeDefinition(name = "Dialplan file", description = "extensions.conf to load; relative paths are"
            + " resolved against Karaf's etc/ folder")
    String dialplanFile() default "extensions.conf";

    @AttributeDefinition(name = "Sounds folder", description = "Where prompts are found: <folder>/<language>/<name>.ulaw"
            + " (raw G.711 µ-law, 8000 samples/s); relative paths are resolved against the installation")
    String soundsDirectory() default "sounds";

    @AttributeDefinition(name = "Language", description = "Prompt language used when a channel sets none")
    String language() default "en";

    @AttributeDefinition(name = "Most calls in the dialplan", description = "Calls in the dialplan at once,"
            + " running an application or waiting in one (a bridged Dial); more are refused with congestion")
    int maxCalls() default 500;

    @AttributeDefinition(name = "Most dialplan threads", description = "Threads that run applications, shared by"
            + " all calls. A call holds one only while an application works or blocks on it (Playback, Read,"
            + " WaitExten, Wait, Echo); Dial gives its thread back while it rings and while the call is bridged."
            + " Steps that find every thread busy wait for one")
    int maxThreads() default 64;
}
