package org.strowger.channel.shell;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.strowger.channel.CallerId;
import org.strowger.channel.Channel;
import org.strowger.channel.ChannelState;
import org.strowger.channel.DialplanLocation;
import org.strowger.channel.HangupCause;
import org.strowger.channel.TechnologyName;
import org.strowger.channel.bridge.Bridge;
import org.strowger.channel.frame.Codec;
import org.strowger.channel.frame.Control;
import org.strowger.channel.frame.Frame;

/** A channel that only holds the values the console reads; it carries no call. */
final class FakeChannel implements Channel {

    private final String name;
    private String uniqueId = "1700000000.1";
    private ChannelState state = ChannelState.DOWN;
    private CallerId callerId = CallerId.UNKNOWN;
    private String dialedNumber = "";
    private DialplanLocation location = DialplanLocation.NONE;
    private String application = "";
    private String applicationData = "";
    private final Map<String, String> variables = new HashMap<>();
    private HangupCause hangupCause;
    private boolean zombie;
    private Set<Codec> nativeFormats = EnumSet.of(Codec.ULAW);
    private Codec readFormat = Codec.ULAW;
    private Codec writeFormat = Codec.ULAW;
    private Instant createdAt = Instant.EPOCH;
    private Bridge bridge;

    FakeChannel(String name) {
        this.name = name;
    }

    FakeChannel uniqueId(String value) {
        uniqueId = value;
        return this;
    }

    FakeChannel state(ChannelState value) {
        state = value;
        return this;
    }

    FakeChannel dialedNumber(String value) {
        dialedNumber = value;
        return this;
    }

    FakeChannel createdAt(Instant value) {
        createdAt = value;
        return this;
    }

    FakeChannel nativeFormats(Set<Codec> value) {
        nativeFormats = value;
        return this;
    }

    FakeChannel zombie() {
        zombie = true;
        return this;
    }

    FakeChannel hungUp(HangupCause cause) {
        hangupCause = cause;
        return this;
    }

    /** Joins two fakes the way the core's bridge does, for {@link Channel#bridgedPeer()}. */
    static void bridge(String id, FakeChannel first, FakeChannel second) {
        Bridge bridge = new FakeBridge(id, first, second);
        first.bridge = bridge;
        second.bridge = bridge;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String uniqueId() {
        return uniqueId;
    }

    @Override
    public TechnologyName technology() {
        return TechnologyName.of(name.substring(0, name.indexOf('/')));
    }

    @Override
    public ChannelState state() {
        return state;
    }

    @Override
    public CallerId callerId() {
        return callerId;
    }

    @Override
    public void setCallerId(CallerId value) {
        callerId = value;
    }

    @Override
    public String dialedNumber() {
        return dialedNumber;
    }

    @Override
    public DialplanLocation location() {
        return location;
    }

    @Override
    public void setLocation(DialplanLocation value) {
        location = value;
    }

    @Override
    public String application() {
        return application;
    }

    @Override
    public String applicationData() {
        return applicationData;
    }

    @Override
    public void setApplication(String app, String data) {
        application = app;
        applicationData = data;
    }

    @Override
    public Optional<String> variable(String variableName) {
        return Optional.ofNullable(variables.get(variableName));
    }

    @Override
    public Map<String, String> variables() {
        return new HashMap<>(variables);
    }

    @Override
    public void setVariable(String variableName, String value) {
        if (value == null) {
            variables.remove(variableName);
        } else {
            variables.put(variableName, value);
        }
    }

    @Override
    public Optional<HangupCause> hangupCause() {
        return Optional.ofNullable(hangupCause);
    }

    @Override
    public boolean isHungUp() {
        return hangupCause != null;
    }

    @Override
    public boolean isZombie() {
        return zombie;
    }

    @Override
    public Set<Codec> nativeFormats() {
        return nativeFormats;
    }

    @Override
    public Codec readFormat() {
        return readFormat;
    }

    @Override
    public Codec writeFormat() {
        return writeFormat;
    }

    @Override
    public void setReadFormat(Codec codec) {
        readFormat = codec;
    }

    @Override
    public void setWriteFormat(Codec codec) {
        writeFormat = codec;
    }

    @Override
    public Instant createdAt() {
        return createdAt;
    }

    @Override
    public Optional<Bridge> bridge() {
        return Optional.ofNullable(bridge);
    }

    @Override
    public Frame read(Duration timeout) {
        throw new UnsupportedOperationException("the console does not read frames");
    }

    @Override
    public CompletionStage<Void> readable() {
        throw new UnsupportedOperationException("the console does not read frames");
    }

    @Override
    public int queuedFrames() {
        return 0;
    }

    @Override
    public boolean write(Frame frame) {
        throw new UnsupportedOperationException("the console does not write frames");
    }

    @Override
    public void call(Duration timeout) {
        throw new UnsupportedOperationException("the console does not place calls");
    }

    @Override
    public void answer() {
        throw new UnsupportedOperationException("the console does not answer calls");
    }

    @Override
    public void indicate(Control control) {
        throw new UnsupportedOperationException("the console does not indicate");
    }

    private record FakeBridge(String id, Channel first, Channel second) implements Bridge {

        @Override
        public Optional<Channel> peerOf(Channel member) {
            if (member == first) {
                return Optional.of(second);
            }
            return member == second ? Optional.of(first) : Optional.empty();
        }

        @Override
        public boolean isActive() {
            return true;
        }

        @Override
        public Optional<HangupCause> endCause() {
            return Optional.empty();
        }

        @Override
        public CompletionStage<Optional<HangupCause>> ended() {
            return new CompletableFuture<Optional<HangupCause>>().minimalCompletionStage();
        }

        @Override
        public void release() {
            throw new UnsupportedOperationException("the console does not release bridges");
        }

        @Override
        public void keepMembersUp() {
            throw new UnsupportedOperationException("the console does not hand bridges over");
        }
    }
}
