package org.strowger.transfer.internal;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.strowger.channel.CallerId;
import org.strowger.channel.Channel;
import org.strowger.channel.ChannelService;
import org.strowger.channel.ChannelUnavailableException;
import org.strowger.channel.DialplanLocation;
import org.strowger.channel.InboundCall;
import org.strowger.channel.InboundCallHandler;
import org.strowger.channel.TechnologyName;
import org.strowger.channel.bridge.Bridge;
import org.strowger.channel.core.EmbeddedChannelCore;
import org.strowger.pbx.DialplanAdmin;
import org.strowger.pbx.PromptPlayer;
import org.strowger.transfer.FeatureSettings;

/**
 * The transfer features over the real channel core with the lock-order validator strict, test
 * phones as technology {@code Phone} (and as {@code Local}, so an attended transfer's call to
 * {@code Local/103@internal} is a phone the test answers), and a stand-in PBX: it knows a set of
 * extensions, records the channels it is asked to run, and "plays" prompts by recording them.
 */
final class TransferFixture implements AutoCloseable {

    final EmbeddedChannelCore core;
    final ChannelService channels;
    final Phone.Phones phones = new Phone.Phones();
    final FakePbx pbx = new FakePbx();
    final TransferComponent transfers;
    final FeatureHook hook;

    TransferFixture() {
        this(Settings.defaults());
    }

    TransferFixture(FeatureSettings settings) {
        this(settings, true);
    }

    /** {@code strictLockOrder} false: the validator logs and counts (production mode), for benchmarks. */
    TransferFixture(FeatureSettings settings, boolean strictLockOrder) {
        core = new EmbeddedChannelCore(strictLockOrder);
        channels = core.service();
        core.addTechnology("Phone", phones);
        core.addTechnology("Local", phones);
        core.addTechnology(TransferTechnology.NAME, new TransferTechnology());
        // inbound calls need a taker, or the core hangs them up at once; the test plays the dialplan's part
        core.addInboundHandler(channel -> { });
        transfers = new TransferComponent(channels, settings);
        transfers.usePbx(pbx, pbx, pbx);
        hook = new FeatureHook(transfers);
        core.addBridgeHook(hook);
    }

    /** An inbound call from a phone, in context internal (as a SIP phone's call). */
    Channel inbound(String resource) {
        try {
            return channels.createInbound(new InboundCall(TechnologyName.of("Phone"), resource,
                    new CallerId(resource, resource), "", "internal"), link -> phones.inbound(resource, link));
        } catch (ChannelUnavailableException e) {
            throw new AssertionError(e);
        }
    }

    /** An outbound call to a phone, answered. */
    Channel answered(String resource) {
        try {
            Channel channel = channels.request("Phone/" + resource);
            channel.call(java.time.Duration.ofSeconds(30));
            phones.phone(resource).answerFromFarEnd();
            return channel;
        } catch (ChannelUnavailableException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * A call as Dial makes it: caller (inbound, answered, at {@code exten@internal}) bridged to an
     * answered callee; feature letters as Dial's options would set them.
     */
    Bridge call(String caller, String callee, String callerFeatures, String calleeFeatures) {
        Channel from = inbound(caller);
        from.setLocation(new DialplanLocation("internal", callee, 1));
        from.answer();
        Channel to = answered(callee);
        // as Dial places its callees: at the caller's extension
        to.setLocation(new DialplanLocation("internal", callee, 1));
        from.setVariable("DIAL_FEATURES", callerFeatures);
        to.setVariable("DIAL_FEATURES", calleeFeatures);
        return channels.bridge(from, to);
    }

    Phone phone(String resource) {
        return phones.phone(resource);
    }

    /** The live channel now carrying this phone's driver side (its name starts with Phone/resource-). */
    Channel channelOf(String resource) {
        return channels.channels().stream()
                .filter(channel -> channel.name().startsWith("Phone/" + resource + "-") && !channel.isHungUp())
                .findFirst().orElseThrow(() -> new AssertionError("no live channel for " + resource + " in "
                        + channels.channels().stream().map(Channel::name).toList()));
    }

    List<String> liveChannels() {
        return channels.channels().stream().map(Channel::name).toList();
    }

    @Override
    public void close() {
        transfers.deactivate();
        for (Channel channel : channels.channels()) {
            channels.hangup(channel, org.strowger.channel.HangupCause.NORMAL_CLEARING);
        }
        List<String> problems = core.invariantViolations();
        core.close();
        if (!problems.isEmpty()) {
            throw new AssertionError("core invariants broken: " + problems);
        }
    }

    /** A stand-in PBX: known extensions, channels it was asked to run, prompts it "played". */
    static final class FakePbx implements InboundCallHandler, DialplanAdmin, PromptPlayer {
        final Set<String> extensions = ConcurrentHashMap.newKeySet();
        final List<Channel> started = new CopyOnWriteArrayList<>();
        final List<String> played = new CopyOnWriteArrayList<>();

        FakePbx() {
            extensions.addAll(List.of("101@internal", "102@internal", "103@internal", "600@internal",
                    "700@internal"));
        }

        @Override
        public void inboundCall(Channel channel) {
            started.add(channel);
        }

        @Override
        public boolean exists(String context, String extension, String callerId) {
            return extensions.contains(extension + "@" + context);
        }

        @Override
        public boolean matchMore(String context, String extension, String callerId) {
            return extensions.stream().anyMatch(known -> known.endsWith("@" + context)
                    && known.startsWith(extension) && known.indexOf('@') > extension.length());
        }

        @Override
        public boolean play(Channel channel, List<String> prompts) {
            played.addAll(prompts);
            return !channel.isHungUp();
        }

        @Override
        public java.util.Optional<Character> playUntilKey(Channel channel, List<String> prompts) {
            played.addAll(prompts);
            return java.util.Optional.empty();
        }

        @Override
        public List<String> digits(String digits) {
            return digits.chars().mapToObj(c -> "digits-" + (char) c).toList();
        }

        @Override
        public ReloadResult reload() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<String> show(String filter) {
            return List.of();
        }

        @Override
        public List<String> explain(String extension, String context, String callerId) {
            return List.of();
        }

        @Override
        public List<String> dryRun(String extension, String context, String callerId) {
            return List.of();
        }

        @Override
        public ReloadResult lastLoad() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Registration> applications() {
            return List.of();
        }

        @Override
        public List<Registration> functions() {
            return List.of();
        }
    }
}
