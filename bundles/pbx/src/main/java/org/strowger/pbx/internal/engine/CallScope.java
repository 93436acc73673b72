package org.strowger.pbx.internal.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.strowger.channel.Channel;
import org.strowger.channel.ChannelService;
import org.strowger.channel.DialplanLocation;
import org.strowger.pbx.DialplanCall;
import org.strowger.pbx.DialplanFunction;
import org.strowger.pbx.internal.value.DialplanEvaluationException;
import org.strowger.pbx.internal.value.Scope;

/**
 * One call's view of the dialplan: what templates read (built-ins, channel variables with their
 * inheritance prefixes, globals, functions) and what applications may do.
 */
public final class CallScope implements Scope, DialplanCall {

    private static final Logger LOG = LoggerFactory.getLogger("org.strowger.pbx.verbose");

    private final Channel channel;
    private final ChannelService channels;
    private final DialplanRegistry registry;
    private final Globals globals;
    private final Supplier<CompiledDialplan> dialplan;
    private final Executor executor;
    private final Deque<GosubFrame> gosubStack = new ArrayDeque<>();
    private volatile Duration digitTimeout = Duration.ofSeconds(5);
    private volatile Duration responseTimeout = Duration.ofSeconds(10);
    private volatile Instant absoluteDeadline;

    public CallScope(Channel channel, ChannelService channels, DialplanRegistry registry, Globals globals,
            Supplier<CompiledDialplan> dialplan, Executor executor) {
        this.channel = channel;
        this.channels = channels;
        this.registry = registry;
        this.globals = globals;
        this.dialplan = dialplan;
        this.executor = executor;
    }

    // --- Scope -----------------------------------------------------------------------------

    @Override
    public Optional<String> variable(String name) {
        Optional<String> builtIn = builtIn(name);
        if (builtIn.isPresent()) {
            return builtIn;
        }
        Optional<String> own = channelVariable(name);
        return own.isPresent() ? own : globals.get(name);
    }

    @Override
    public String function(String name, List<String> arguments) {
        DialplanFunction function = registry.function(name).orElseThrow(() ->
                new DialplanEvaluationException("unknown dialplan function " + name + "()"));
        try {
            String value = function.read(this, arguments);
            return value == null ? "" : value;
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            throw new DialplanEvaluationException(name + "(" + String.join(",", arguments) + "): " + e.getMessage());
        }
    }

    private Optional<String> builtIn(String name) {
        DialplanLocation location = channel.location();
        return switch (name) {
            case "EXTEN" -> Optional.of(location.extension());
            case "CONTEXT" -> Optional.of(location.context());
            case "PRIORITY" -> Optional.of(Integer.toString(location.priority()));
            case "CHANNEL" -> Optional.of(channel.name());
            case "UNIQUEID" -> Optional.of(channel.uniqueId());
            case "HANGUPCAUSE" -> Optional.of(channel.hangupCause().map(c -> Integer.toString(c.code())).orElse(""));
            case "EPOCH" -> Optional.of(Long.toString(Instant.now().getEpochSecond()));
            case "CALLERIDNUM" -> Optional.of(channel.callerId().number());
            case "CALLERIDNAME" -> Optional.of(channel.callerId().name());
            default -> Optional.empty();
        };
    }

    /** Reads ignore inheritance prefixes: {@code ${X}} finds {@code X}, {@code _X} or {@code __X}. */
    private Optional<String> channelVariable(String name) {
        Optional<String> plain = channel.variable(name);
        if (plain.isPresent()) {
            return plain;
        }
        Optional<String> once = channel.variable("_" + name);
        return once.isPresent() ? once : channel.variable("__" + name);
    }

    // --- DialplanCall ---------------------------------------------------------------------------

    @Override
    public Channel channel() {
        return channel;
    }

    @Override
    public ChannelService channels() {
        return channels;
    }

    @Override
    public DialplanLocation location() {
        return channel.location();
    }

    /** Setting {@code X} replaces an inherited {@code _X}/{@code __X}; setting {@code _X} marks it for inheritance. */
    @Override
    public void setVariable(String name, String value) {
        String bare = name.startsWith("__") ? name.substring(2) : name.startsWith("_") ? name.substring(1) : name;
        if (bare.isEmpty()) {
            throw new IllegalArgumentException("empty variable name");
        }
        for (String variant : new String[] {bare, "_" + bare, "__" + bare}) {
            if (!variant.equals(name)) {
                channel.setVariable(variant, null);
            }
        }
        channel.setVariable(name, value);
    }

    /**
     * Assigns {@code value} to {@code target}: a variable, or a function write when the target
     * is {@code FUNC(args)} (the arguments split on commas outside brackets).
     */
    public void assign(String target, String value) {
        String name = target.trim();
        int open = name.indexOf('(');
        if (open > 0 && name.endsWith(")")) {
            String functionName = name.substring(0, open);
            List<String> arguments = ArgumentSplitter.splitTopLevel(name.substring(open + 1, name.length() - 1), ',',
                    Integer.MAX_VALUE, true);
            DialplanFunction function = registry.function(functionName).orElseThrow(() ->
                    new IllegalArgumentException("unknown dialplan function " + functionName + "()"));
            function.write(this, arguments, value);
            return;
        }
        setVariable(name, value);
    }

    @Override
    public Optional<String> global(String name) {
        return globals.get(name);
    }

    @Override
    public void setGlobal(String name, String value) {
        globals.set(name, value);
    }

    @Override
    public boolean exists(String context, String extension, int priority) {
        return dialplan.get().find(context, extension, priority, channel.callerId().number()).isPresent();
    }

    @Override
    public Duration digitTimeout() {
        return digitTimeout;
    }

    @Override
    public Duration responseTimeout() {
        return responseTimeout;
    }

    public void setDigitTimeout(Duration timeout) {
        digitTimeout = timeout;
    }

    public void setResponseTimeout(Duration timeout) {
        responseTimeout = timeout;
    }

    /** The absolute timeout (TIMEOUT(absolute)): when it passes, the call goes to {@code T}. */
    public Optional<Instant> absoluteDeadline() {
        return Optional.ofNullable(absoluteDeadline);
    }

    public void setAbsoluteDeadline(Instant deadline) {
        absoluteDeadline = deadline;
    }

    /**
     * The PBX pool, for the built-in applications that suspend: the work that follows their wait
     * runs here ({@code stage.thenApplyAsync(..., executor())}), not in the thread that ended it.
     */
    public Executor executor() {
        return executor;
    }

    @Override
    public void verbose(int level, String message) {
        // called on the call's thread: the log pattern's [channel] prefix (MDC) names the channel
        if (level <= 1) {
            LOG.info("{}", message);
        } else {
            LOG.debug("{}", message);
        }
    }

    // --- Gosub ---------------------------------------------------------------------------------

    public void pushGosub(DialplanLocation returnTo) {
        gosubStack.push(new GosubFrame(returnTo));
    }

    /** Makes a variable local to the current Gosub level; false when no Gosub is running. */
    public boolean makeLocal(String name) {
        GosubFrame frame = gosubStack.peek();
        if (frame == null) {
            return false;
        }
        frame.saveIfFirst(name, channel.variable(name).orElse(null));
        return true;
    }

    /** Pops a Gosub level, restoring the caller's values of its locals; empty when no Gosub is running. */
    public Optional<DialplanLocation> popGosub() {
        GosubFrame frame = gosubStack.poll();
        if (frame == null) {
            return Optional.empty();
        }
        frame.savedLocals().forEach(channel::setVariable);
        return Optional.of(frame.returnTo());
    }
}
