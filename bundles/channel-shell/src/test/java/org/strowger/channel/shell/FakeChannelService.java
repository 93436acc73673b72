package org.strowger.channel.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.strowger.channel.CallStatistics;
import org.strowger.channel.Channel;
import org.strowger.channel.ChannelLink;
import org.strowger.channel.ChannelService;
import org.strowger.channel.DriverSide;
import org.strowger.channel.HangupCause;
import org.strowger.channel.InboundCall;
import org.strowger.channel.TechnologyInfo;
import org.strowger.channel.TechnologyName;
import org.strowger.channel.bridge.Bridge;
import org.strowger.channel.bridge.HangupPolicy;
import org.strowger.channel.lock.ChannelLock;
import org.strowger.channel.lock.LockStatistics;

/** A core holding a fixed list of fake channels; it records hangups and answers what the console asks. */
final class FakeChannelService implements ChannelService {

    record Hangup(Channel channel, HangupCause cause) {
    }

    private final List<FakeChannel> live = new ArrayList<>();
    final List<Hangup> hangups = new ArrayList<>();
    LockStatistics lockStatistics = new LockStatistics(false, 0, 0, 0, 0);
    CallStatistics callStatistics = new CallStatistics(java.time.Instant.EPOCH, 0, 0);
    List<TechnologyInfo> technologies = List.of();

    FakeChannelService(FakeChannel... channels) {
        live.addAll(List.of(channels));
    }

    @Override
    public String platformVersion() {
        return "0.1.0";
    }

    @Override
    public List<TechnologyInfo> technologies() {
        return technologies;
    }

    @Override
    public Optional<TechnologyInfo> technology(String name) {
        return Optional.empty();
    }

    @Override
    public Channel request(String dialString) {
        throw new UnsupportedOperationException("the console does not make channels");
    }

    @Override
    public Channel createInbound(InboundCall call, Function<ChannelLink, DriverSide> driverSide) {
        throw new UnsupportedOperationException("the console does not make channels");
    }

    @Override
    public Optional<Channel> findByName(String name) {
        return live.stream().filter(channel -> channel.name().equals(name)).map(Channel.class::cast).findFirst();
    }

    @Override
    public Optional<Channel> findByUniqueId(String uniqueId) {
        return live.stream().filter(channel -> channel.uniqueId().equals(uniqueId)).map(Channel.class::cast)
                .findFirst();
    }

    @Override
    public List<Channel> channels() {
        return List.copyOf(live);
    }

    @Override
    public int channelCount() {
        return live.size();
    }

    @Override
    public void hangup(Channel channel, HangupCause cause) {
        hangups.add(new Hangup(channel, cause));
        ((FakeChannel) channel).hungUp(cause);
        live.remove(channel);
    }

    @Override
    public void masquerade(Channel original, Channel clone) {
        throw new UnsupportedOperationException("the console does not masquerade");
    }

    @Override
    public void changeName(Channel channel, String newName) {
        throw new UnsupportedOperationException("the console does not rename");
    }

    @Override
    public Bridge bridge(Channel first, Channel second, HangupPolicy policy) {
        throw new UnsupportedOperationException("the console does not bridge");
    }

    @Override
    public ChannelLock newPvtLock(TechnologyName technology) {
        throw new UnsupportedOperationException("the console takes no locks");
    }

    @Override
    public LockStatistics lockStatistics() {
        return lockStatistics;
    }

    @Override
    public CallStatistics callStatistics() {
        return callStatistics;
    }
}
