package org.strowger.transfer.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of the transfer features, PID {@code org.strowger.features}
 * ({@code etc/org.strowger.features.cfg}); names as in Asterisk's {@code features.conf}.
 * Changes apply at once, to the next code dialled.
 */
@ObjectClassDefinition(name = "Strowger transfer features", description = "Feature codes, timeouts and parking")
public @interface FeaturesConfig {

    @AttributeDefinition(description = "Blind transfer code")
    String blindxfer() default "#1";

    @AttributeDefinition(description = "Attended transfer code")
    String atxfer() default "*2";

    @AttributeDefinition(description = "Disconnect code: hangs up the far party, or aborts an attended transfer")
    String disconnect() default "*0";

    @AttributeDefinition(description = "Park code: parks the far party and announces the slot")
    String parkcall() default "#72";

    @AttributeDefinition(description = "Longest pause between the digits of a feature code, in milliseconds")
    int featuredigittimeout() default 1000;

    @AttributeDefinition(description = "Longest pause between the digits of a transfer's extension, in seconds")
    int transferdigittimeout() default 3;

    @AttributeDefinition(description = "How long the target of an attended transfer may ring, in seconds")
    int atxfernoanswertimeout() default 15;

    @AttributeDefinition(description = "Pause between callbacks to the transferer, in seconds")
    int atxferloopdelay() default 10;

    @AttributeDefinition(description = "Callbacks to the transferer when the target of a completed transfer does not answer")
    int atxfercallbackretries() default 2;

    @AttributeDefinition(description = "Hang the transferee up instead of calling the transferer back")
    boolean atxferdropcall() default false;

    @AttributeDefinition(description = "The extension that parks a call")
    String parkext() default "700";

    @AttributeDefinition(description = "Parking slots, first-last")
    String parkpos() default "701-720";

    @AttributeDefinition(description = "Context of the parking extension and slots")
    String parkcontext() default "parkedcalls";

    @AttributeDefinition(description = "Seconds a call stays parked before it rings the parker again")
    int parkingtime() default 45;

    @AttributeDefinition(description = "When the parking time runs out, ring the parker (else hang the call up)")
    boolean comebacktoorigin() default true;
}
