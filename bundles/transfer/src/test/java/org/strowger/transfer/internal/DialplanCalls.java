package org.strowger.transfer.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.strowger.channel.Channel;
import org.strowger.channel.ChannelService;
import org.strowger.channel.DialplanLocation;
import org.strowger.pbx.Arguments;
import org.strowger.pbx.DialplanCall;

/** A dialplan call and arguments as the PBX would hand them to an application, for testing applications alone. */
final class DialplanCalls {

    private DialplanCalls() {
    }

    static DialplanCall call(Channel channel, ChannelService channels) {
        return new FakeCall(channel, channels);
    }

    static Arguments args(String... values) {
        return new FakeArguments(List.of(values));
    }

    private record FakeCall(Channel channel, ChannelService channels, Map<String, String> globals)
            implements DialplanCall {

        FakeCall(Channel channel, ChannelService channels) {
            this(channel, channels, new ConcurrentHashMap<>());
        }

        @Override
        public DialplanLocation location() {
            return channel.location();
        }

        @Override
        public Optional<String> variable(String name) {
            return channel.variable(name);
        }

        @Override
        public void setVariable(String name, String value) {
            channel.setVariable(name, value);
        }

        @Override
        public Optional<String> global(String name) {
            return Optional.ofNullable(globals.get(name));
        }

        @Override
        public void setGlobal(String name, String value) {
            globals.put(name, value);
        }

        @Override
        public boolean exists(String context, String extension, int priority) {
            return false;
        }

        @Override
        public Duration digitTimeout() {
            return Duration.ofSeconds(5);
        }

        @Override
        public Duration responseTimeout() {
            return Duration.ofSeconds(10);
        }

        @Override
        public void verbose(int level, String message) {
        }
    }

    private record FakeArguments(List<String> values) implements Arguments {
        @Override
        public int size() {
            return values.size();
        }

        @Override
        public boolean has(int index) {
            return index < values.size();
        }

        @Override
        public String get(int index) {
            return has(index) ? values.get(index) : "";
        }

        @Override
        public List<String> list(int index) {
            return has(index) ? List.of(values.get(index).split(",")) : List.of();
        }

        @Override
        public String source() {
            return String.join(",", values);
        }
    }
}
