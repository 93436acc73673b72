package org.strowger.examples.hello;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.strowger.channel.CallerId;
import org.strowger.channel.Channel;
import org.strowger.channel.ChannelService;
import org.strowger.channel.DialplanLocation;
import org.strowger.pbx.Arguments;
import org.strowger.pbx.DialplanCall;

/** A call with variables in a map and its trace in a list: what the examples touch, nothing more. */
final class FakeCall implements DialplanCall {

    final Map<String, String> variables = new HashMap<>();
    final List<String> trace = new ArrayList<>();
    CallerId callerId = CallerId.UNKNOWN;

    @Override
    public Channel channel() {
        // a channel that knows its caller id only
        return (Channel) Proxy.newProxyInstance(Channel.class.getClassLoader(), new Class<?>[] {Channel.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("callerId")) {
                        return callerId;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Override
    public ChannelService channels() {
        throw new UnsupportedOperationException();
    }

    @Override
    public DialplanLocation location() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name));
    }

    @Override
    public void setVariable(String name, String value) {
        variables.put(name, value);
    }

    @Override
    public Optional<String> global(String name) {
        return Optional.empty();
    }

    @Override
    public void setGlobal(String name, String value) {
        throw new UnsupportedOperationException();
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
        trace.add(message);
    }

    /** Arguments as the dialplan would hand them after substitution. */
    static Arguments arguments(String... values) {
        return new Arguments() {
            @Override
            public int size() {
                return values.length;
            }

            @Override
            public boolean has(int index) {
                return index < values.length;
            }

            @Override
            public String get(int index) {
                return index < values.length ? values[index] : "";
            }

            @Override
            public List<String> list(int index) {
                return has(index) ? List.of(values[index]) : List.of();
            }

            @Override
            public String source() {
                return String.join(",", values);
            }
        };
    }
}
