package org.strowger.test.technology;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.strowger.channel.Channel;
import org.strowger.channel.ChannelUnavailableException;

/** Registered as a service by the test technology bundle, next to its {@code ChannelTechnology}. */
@ProviderType
public interface TestTechnologyControl {

    /** The technology name, {@code Test}. */
    String NAME = "Test";

    /** A new inbound call from {@code resource} to {@code dialed} in {@code context}. */
    Channel inbound(String resource, String dialed, String context) throws ChannelUnavailableException;

    /** The test line (driver side) a channel is driven by now, if it is a test channel. */
    Optional<TestLine> lineOf(Channel channel);
}
