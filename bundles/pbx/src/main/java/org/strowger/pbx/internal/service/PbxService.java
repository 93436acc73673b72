package org.strowger.pbx.internal.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.strowger.channel.Channel;
import org.strowger.channel.ChannelService;
import org.strowger.channel.HangupCause;
import org.strowger.channel.InboundCallHandler;
import org.strowger.pbx.DialplanAdmin;
import org.strowger.pbx.DialplanApplication;
import org.strowger.pbx.DialplanFunction;
import org.strowger.pbx.internal.config.Diagnostic;
import org.strowger.pbx.internal.config.DialplanLoadException;
import org.strowger.pbx.internal.config.ExtensionsConfParser;
import org.strowger.pbx.internal.config.ParsedDialplan;
import org.strowger.pbx.internal.config.Severity;
import org.strowger.pbx.internal.engine.CallPool;
import org.strowger.pbx.internal.engine.CompiledDialplan;
import org.strowger.pbx.internal.engine.DialplanRegistry;
import org.strowger.pbx.internal.engine.Globals;

/**
 * The PBX: takes inbound calls from the channel core and runs the dialplan for each on a
 * bounded pool (at most {@code maxCalls} calls in the dialplan, on at most {@code maxThreads}
 * threads: a call waiting in a suspended application, such as a bridged Dial, holds none);
 * loads and reloads {@code extensions.conf}; collects applications and functions from the
 * service registry (whiteboard).
 */
@Component(service = {InboundCallHandler.class, DialplanAdmin.class}, immediate = true,
        configurationPid = PbxService.PID)
@Designate(ocd = PbxConfig.class)
public final class PbxService implements InboundCallHandler, DialplanAdmin {

    static final String PID = "org.strowger.pbx";
    private static final Logger LOG = LoggerFactory.getLogger(PbxService.class);

    private final ChannelService channels;
    private final DialplanRegistry registry = new DialplanRegistry();
    private final Globals globals = new Globals();
    private final AtomicReference<CompiledDialplan> dialplan = new AtomicReference<>();
    private final AtomicReference<ReloadResult> lastLoad = new AtomicReference<>();
    private final Path dialplanFile;
    private final CallPool calls;

    @Activate
    public PbxService(@Reference ChannelService channels, PbxConfig config) {
        this.channels = channels;
        this.dialplanFile = resolve(config.dialplanFile());
        this.calls = new CallPool(config.maxCalls(), config.maxThreads(), "strowger-pbx");
        LOG.info("PBX takes up to {} calls into the dialplan, running their applications on up to {} threads",
                calls.maxCalls(), calls.maxThreads());
        // the built-in applications register right after this component: check for unknown ones once they are in
        ReloadResult first = load(false);
        if (!first.loaded()) {
            LOG.error("No dialplan: {} did not load; inbound calls will find no extension", dialplanFile);
        }
        lateCheck.schedule(this::checkApplications, 5, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        lateCheck.shutdownNow();
        calls.close();
    }

    private final java.util.concurrent.ScheduledExecutorService lateCheck =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "strowger-pbx-check");
                thread.setDaemon(true);
                return thread;
            });

    /** Warns of applications the loaded dialplan uses that no bundle provides. */
    private void checkApplications() {
        CompiledDialplan current = dialplan.get();
        if (current != null) {
            current.check(registry).forEach(problem -> LOG.warn("Dialplan: {}", describe(problem)));
        }
    }

    private static Path resolve(String file) {
        Path path = Path.of(file);
        if (path.isAbsolute()) {
            return path;
        }
        return Path.of(System.getProperty("karaf.etc", "etc")).resolve(path);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addApplication(DialplanApplication application, ServiceReference<?> reference,
            Map<String, Object> properties) {
        registry.addApplication(name(properties, DialplanApplication.NAME_PROPERTY), application, bundle(reference));
    }

    void removeApplication(DialplanApplication application, Map<String, Object> properties) {
        registry.removeApplication(name(properties, DialplanApplication.NAME_PROPERTY), application);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addFunction(DialplanFunction function, ServiceReference<?> reference, Map<String, Object> properties) {
        registry.addFunction(name(properties, DialplanFunction.NAME_PROPERTY), function, bundle(reference));
    }

    void removeFunction(DialplanFunction function, Map<String, Object> properties) {
        registry.removeFunction(name(properties, DialplanFunction.NAME_PROPERTY), function);
    }

    private static String name(Map<String, Object> properties, String key) {
        return properties.get(key) instanceof String name ? name.trim() : null;
    }

    /** The symbolic name of the bundle that registered a service, for the console's listings. */
    private static String bundle(ServiceReference<?> reference) {
        Bundle bundle = reference == null ? null : reference.getBundle();
        return bundle == null || bundle.getSymbolicName() == null ? "" : bundle.getSymbolicName();
    }

    @Override
    public void inboundCall(Channel channel) {
        if (dialplan.get() == null) {
            LOG.warn("No dialplan loaded: refusing inbound call {}", channel.name());
            channels.hangup(channel, HangupCause.NO_ROUTE_DESTINATION);
            return;
        }
        if (!calls.start(channel, channels, registry, globals, dialplan::get)) {
            LOG.warn("Dialplan at its limit of {} calls: refusing {}", calls.maxCalls(), channel.name());
            channels.hangup(channel, HangupCause.SWITCH_CONGESTION);
        }
    }

    @Override
    public boolean exists(String context, String extension, String callerId) {
        CompiledDialplan current = dialplan.get();
        return current != null && current.exists(context, extension, callerId);
    }

    @Override
    public boolean matchMore(String context, String extension, String callerId) {
        CompiledDialplan current = dialplan.get();
        return current != null && current.matchMore(context, extension, callerId);
    }

    @Override
    public ReloadResult reload() {
        return load(true);
    }

    private synchronized ReloadResult load(boolean checkApplications) {
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (!Files.exists(dialplanFile)) {
            errors.add(dialplanFile + ": no such file");
            return remember(new ReloadResult(false, dialplanFile.toString(), 0, 0, 0, errors, warnings));
        }
        ParsedDialplan parsed;
        try {
            parsed = ExtensionsConfParser.parse(dialplanFile);
        } catch (DialplanLoadException e) {
            e.errors().forEach(error -> errors.add(error.toString()));
            LOG.error("Dialplan {} not loaded; the previous dialplan stays in use:\n  {}", dialplanFile,
                    String.join("\n  ", errors));
            return remember(new ReloadResult(false, dialplanFile.toString(), 0, 0, 0, errors, warnings));
        }
        CompiledDialplan compiled = CompiledDialplan.of(parsed);
        List<Diagnostic> diagnostics = new ArrayList<>(parsed.diagnostics());
        if (checkApplications) {
            diagnostics.addAll(compiled.check(registry));
        }
        diagnostics.addAll(compiled.index().shadowingWarnings().stream()
                .map(text -> new Diagnostic(Severity.WARNING, null, text)).toList());
        for (Diagnostic diagnostic : diagnostics) {
            (diagnostic.severity() == Severity.ERROR ? errors : warnings).add(describe(diagnostic));
        }
        if (!errors.isEmpty()) {
            LOG.error("Dialplan {} not loaded; the previous dialplan stays in use:\n  {}", dialplanFile,
                    String.join("\n  ", errors));
            return remember(new ReloadResult(false, dialplanFile.toString(), 0, 0, 0, errors, warnings));
        }
        if (parsed.general().clearGlobalVars() || dialplan.get() == null) {
            globals.clear();
        }
        parsed.globals().forEach(globals::set);
        dialplan.set(compiled);
        int extensions = 0;
        int priorities = 0;
        for (var context : parsed.contexts().values()) {
            priorities += context.priorities().size();
            extensions += (int) context.priorities().stream().map(line -> line.extension()).distinct().count();
        }
        // a large dialplan may have thousands of warnings: the log gets the first few, dialplan:reload all
        warnings.stream().limit(20).forEach(warning -> LOG.warn("Dialplan: {}", warning));
        if (warnings.size() > 20) {
            LOG.warn("Dialplan: {} more warnings (dialplan:reload lists them all)", warnings.size() - 20);
        }
        LOG.info("Dialplan {} loaded: {} contexts, {} extensions, {} priorities", dialplanFile,
                parsed.contexts().size(), extensions, priorities);
        return remember(new ReloadResult(true, dialplanFile.toString(), parsed.contexts().size(), extensions,
                priorities, errors, warnings));
    }

    private static String describe(Diagnostic diagnostic) {
        return diagnostic.at() == null ? diagnostic.message() : diagnostic.at() + ": " + diagnostic.message();
    }

    private ReloadResult remember(ReloadResult result) {
        lastLoad.set(result);
        return result;
    }

    @Override
    public ReloadResult lastLoad() {
        return lastLoad.get();
    }

    @Override
    public List<Registration> applications() {
        return registry.applications();
    }

    @Override
    public List<Registration> functions() {
        return registry.functions();
    }

    @Override
    public List<String> show(String filter) {
        CompiledDialplan current = dialplan.get();
        return current == null ? List.of("No dialplan is loaded.") : DialplanPrinter.show(current.parsed(), filter);
    }

    @Override
    public List<String> dryRun(String extension, String context, String callerId) {
        CompiledDialplan current = dialplan.get();
        return current == null ? List.of("No dialplan is loaded.")
                : DryRun.walk(current, extension, context, callerId == null ? "" : callerId);
    }

    @Override
    public List<String> explain(String extension, String context, String callerId) {
        CompiledDialplan current = dialplan.get();
        if (current == null) {
            return List.of("No dialplan is loaded.");
        }
        return DialplanPrinter.explain(current, extension, context, callerId == null ? "" : callerId);
    }
}
