package org.strowger.transfer.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.strowger.channel.Channel;
import org.strowger.channel.ChannelService;
import org.strowger.channel.InboundCallHandler;
import org.strowger.pbx.DialplanAdmin;
import org.strowger.pbx.PromptPlayer;
import org.strowger.transfer.FeatureSettings;
import org.strowger.transfer.ParkedCall;
import org.strowger.transfer.TransferAdmin;
import org.strowger.transfer.TransferOutcome;
import org.strowger.transfer.TransferService;
import org.strowger.transfer.TransferStatistics;
import org.strowger.transfer.internal.parking.ParkingLot;

/**
 * The transfer features as one component (PID {@code org.strowger.features}): the transfer
 * service, the parking lot, the feature threads and the settings the feature codes and the
 * parking applications read. The PBX parts it uses are optional: without them a transfer into
 * the dialplan answers UNAVAILABLE, and the rest goes on.
 */
@Component(service = {TransferService.class, TransferAdmin.class, TransferComponent.class},
        configurationPid = TransferComponent.PID, immediate = true)
@Designate(ocd = FeaturesConfig.class)
public final class TransferComponent implements TransferService, TransferAdmin, Dialplan {

    public static final String PID = "org.strowger.features";
    private static final Logger LOG = LoggerFactory.getLogger(TransferComponent.class);
    /** Feature runs (attended transfers, announcements) at once, at most this many; more queue. */
    private static final int FEATURE_THREADS = 32;

    private final Moves moves;
    private final Statistics statistics = new Statistics();
    private final Transfers transfers;
    private final ParkingLot parking;
    private final ExecutorService featureThreads;
    private final ScheduledExecutorService timers;
    private volatile FeatureSettings settings;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile InboundCallHandler runner;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DialplanAdmin admin;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PromptPlayer prompts;

    @Activate
    public TransferComponent(@Reference ChannelService channels, FeaturesConfig config) {
        this(channels, Settings.read(config));
    }

    /** Without OSGi (tests): the PBX parts are set with {@link #usePbx}. */
    public TransferComponent(ChannelService channels, FeatureSettings settings) {
        this.settings = settings;
        this.moves = new Moves(channels);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(FEATURE_THREADS, FEATURE_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), named("strowger-feature"));
        pool.allowCoreThreadTimeOut(true);
        this.featureThreads = pool;
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, named("strowger-feature-timer"));
        scheduler.setRemoveOnCancelPolicy(true);
        this.timers = scheduler;
        this.parking = new ParkingLot(moves, this, this::settings, statistics, featureThreads, timers);
        this.transfers = new Transfers(moves, this, parking, statistics, this::settings);
        LOG.info("Transfer features: blind {} attended {} disconnect {} park {}; parking {} slots {}-{}",
                show(settings.blindTransfer()), show(settings.attendedTransfer()), show(settings.disconnect()),
                show(settings.park()), settings.parkExtension(), settings.firstSlot(), settings.lastSlot());
    }

    /** For tests without OSGi: the PBX parts the features use. */
    public void usePbx(InboundCallHandler runner, DialplanAdmin admin, PromptPlayer prompts) {
        this.runner = runner;
        this.admin = admin;
        this.prompts = prompts;
    }

    @Modified
    void modified(FeaturesConfig config) {
        try {
            settings = Settings.read(config);
            LOG.info("Transfer features reconfigured: blind {} attended {} disconnect {} park {}",
                    show(settings.blindTransfer()), show(settings.attendedTransfer()), show(settings.disconnect()),
                    show(settings.park()));
        } catch (IllegalArgumentException e) {
            LOG.error("Feature configuration refused, the previous one stays: {}", e.getMessage());
        }
    }

    @Deactivate
    public void deactivate() {
        parking.close();
        timers.shutdownNow();
        featureThreads.shutdownNow();
    }

    private static String show(String code) {
        return code.isEmpty() ? "(off)" : code;
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    public FeatureSettings settings() {
        return settings;
    }

    public Moves moves() {
        return moves;
    }

    public Statistics counters() {
        return statistics;
    }

    public ParkingLot parking() {
        return parking;
    }

    public ExecutorService featureThreads() {
        return featureThreads;
    }

    public ScheduledExecutorService timers() {
        return timers;
    }

    @Override
    public Optional<InboundCallHandler> runner() {
        return Optional.ofNullable(runner);
    }

    @Override
    public Optional<DialplanAdmin> admin() {
        return Optional.ofNullable(admin);
    }

    @Override
    public Optional<PromptPlayer> prompts() {
        return Optional.ofNullable(prompts);
    }

    @Override
    public TransferOutcome blindTransfer(Channel transferer, String extension, String context) {
        return transfers.blind(transferer, extension, context);
    }

    /** A blind transfer by keys, whose move holds {@code claim} on both parties: see {@link Transfers#blindClaimed}. */
    TransferOutcome blindTransferClaimed(Channel transferer, Channel transferee, String extension, String context,
            Moves.Claim claim) {
        return transfers.blindClaimed(transferer, transferee, extension, context, claim);
    }

    @Override
    public TransferOutcome attendedTransfer(Channel toTransferee, Channel toTarget) {
        return transfers.attended(toTransferee, toTarget);
    }

    @Override
    public TransferOutcome replace(Channel replaced, Channel replacement) {
        return transfers.replace(replaced, replacement);
    }

    @Override
    public TransferOutcome park(Channel parkee, Channel parker) {
        return parking.park(parkee, parker);
    }

    @Override
    public TransferOutcome pickup(Channel picker, String extension, String context) {
        return transfers.pickup(picker, extension, context);
    }

    @Override
    public List<ParkedCall> parkedCalls() {
        return parking.parkedCalls();
    }

    @Override
    public TransferStatistics statistics() {
        return statistics.snapshot();
    }
}
