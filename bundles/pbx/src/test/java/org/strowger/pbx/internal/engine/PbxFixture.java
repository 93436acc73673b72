package org.strowger.pbx.internal.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.strowger.channel.CallerId;
import org.strowger.channel.Channel;
import org.strowger.channel.ChannelService;
import org.strowger.channel.ChannelUnavailableException;
import org.strowger.channel.InboundCall;
import org.strowger.channel.TechnologyName;
import org.strowger.channel.core.EmbeddedChannelCore;
import org.strowger.pbx.DialplanApplication;
import org.strowger.pbx.DialplanFunction;
import org.strowger.pbx.internal.apps.*;
import org.strowger.pbx.internal.config.ExtensionsConfParser;
import org.strowger.pbx.internal.functions.*;
import org.strowger.pbx.internal.local.LocalTechnology;

/**
 * A PBX over the real channel core (strict lock order) without OSGi: the built-in applications
 * and functions, the {@code Phone} test technology and Local channels, and a dialplan from text.
 * Inbound calls run the dialplan on a {@link CallPool}, as in the PBX service.
 */
final class PbxFixture implements AutoCloseable {

    final EmbeddedChannelCore core = new EmbeddedChannelCore(true);
    final ChannelService channels = core.service();
    final Line.Phones phones = new Line.Phones();
    final DialplanRegistry registry = new DialplanRegistry();
    final Globals globals = new Globals();
    final CompiledDialplan dialplan;
    final CallPool pool;

    PbxFixture(String extensionsConf) {
        this(extensionsConf, Path.of("src/test/resources/sounds"));
    }

    PbxFixture(String extensionsConf, Path sounds) {
        this(extensionsConf, sounds, 1000, 8);
    }

    PbxFixture(String extensionsConf, int maxCalls, int maxThreads) {
        this(extensionsConf, Path.of("src/test/resources/sounds"), maxCalls, maxThreads);
    }

    PbxFixture(String extensionsConf, Path sounds, int maxCalls, int maxThreads) {
        pool = new CallPool(maxCalls, maxThreads, "dialplan");
        dialplan = CompiledDialplan.of(ExtensionsConfParser.parse(extensionsConf, "extensions.conf"));
        dialplan.parsed().globals().forEach(globals::set);
        core.addTechnology("Phone", phones);
        core.addTechnology("Local", new LocalTechnology(channels));
        Sounds prompts = new Sounds(sounds, "en");
        applications(prompts).forEach(registry::addApplication);
        functions().forEach(registry::addFunction);
        core.addInboundHandler(channel -> {
            if (!pool.start(channel, channels, registry, globals, () -> dialplan)) {
                channels.hangup(channel, org.strowger.channel.HangupCause.SWITCH_CONGESTION);
            }
        });
    }

    static Map<String, DialplanApplication> applications(Sounds sounds) {
        Map<String, DialplanApplication> apps = new LinkedHashMap<>();
        apps.put("Answer", new AnswerApp());
        apps.put("Hangup", new HangupApp());
        apps.put("Wait", new WaitApp());
        apps.put("NoOp", new NoOpApp());
        apps.put("Verbose", new VerboseApp());
        apps.put("Log", new LogApp());
        apps.put("Set", new SetApp());
        apps.put("MSet", new MSetApp());
        apps.put("Goto", new GotoApp());
        apps.put("GotoIf", new GotoIfApp());
        apps.put("Gosub", new GosubApp());
        apps.put("GosubIf", new GosubIfApp());
        apps.put("Return", new ReturnApp());
        apps.put("Ringing", new RingingApp());
        apps.put("Progress", new ProgressApp());
        apps.put("Busy", new BusyApp());
        apps.put("Congestion", new CongestionApp());
        apps.put("WaitExten", new WaitExtenApp());
        apps.put("Echo", new EchoApp());
        apps.put("Dial", new DialApp());
        apps.put("Playback", new PlaybackApp(sounds));
        apps.put("Background", new BackgroundApp(sounds));
        apps.put("SayDigits", new SayDigitsApp(sounds));
        apps.put("Read", new ReadApp(sounds));
        apps.put("Record", new RecordApp(sounds));
        return apps;
    }

    static Map<String, DialplanFunction> functions() {
        Map<String, DialplanFunction> functions = new LinkedHashMap<>();
        functions.put("LEN", new LenFunction());
        functions.put("ISNULL", new IsNullFunction());
        functions.put("EXISTS", new ExistsFunction());
        functions.put("TOUPPER", new ToUpperFunction());
        functions.put("TOLOWER", new ToLowerFunction());
        functions.put("IF", new IfFunction());
        functions.put("FILTER", new FilterFunction());
        functions.put("CUT", new CutFunction());
        functions.put("REGEX", new RegexFunction());
        functions.put("CALLERID", new CallerIdFunction());
        functions.put("GLOBAL", new GlobalFunction());
        functions.put("TIMEOUT", new TimeoutFunction());
        functions.put("LOCAL", new LocalFunction());
        functions.put("EXCEPTION", new ExceptionFunction());
        return functions;
    }

    /** A call from {@code from} to {@code dialed}, entering the dialplan in {@code context}. */
    Channel call(String from, String dialed, String context) {
        try {
            return channels.createInbound(new InboundCall(TechnologyName.of("Phone"), from, new CallerId(from, from),
                    dialed, context), link -> {
                        Line line = new Line(from, link);
                        phones.lines.add(line);
                        return line;
                    });
        } catch (ChannelUnavailableException e) {
            throw new AssertionError(e);
        }
    }

    Line lineOf(Channel channel) {
        return phones.lines.stream().filter(line -> line.link.owner() == channel).findFirst()
                .orElseThrow(() -> new AssertionError("no phone line drives " + channel.name()));
    }

    static void awaitHungUp(Channel channel) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(channel::isHungUp);
    }

    @Override
    public void close() {
        pool.close();
        for (Channel channel : channels.channels()) {
            channels.hangup(channel, org.strowger.channel.HangupCause.NORMAL_CLEARING);
        }
        core.close();
    }
}
