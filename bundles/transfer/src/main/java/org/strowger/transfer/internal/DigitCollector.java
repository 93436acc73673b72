package org.strowger.transfer.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.strowger.channel.Channel;
import org.strowger.channel.bridge.Bridge;
import org.strowger.channel.bridge.BridgeHook.Decision;
import org.strowger.channel.frame.Control;
import org.strowger.channel.frame.DtmfFrame;
import org.strowger.transfer.FeatureSettings;
import org.strowger.transfer.TransferOutcome;

/**
 * The keys one party presses in a bridge, from the first key that may begin a feature code to
 * the feature it starts: first the code (held back from the other party until it is one, or is
 * not), then, for a transfer, the extension. Called in drivers' threads and the timer's, one key
 * at a time under this object's monitor; it calls the core (hold, digits passed on) only after
 * leaving it, and hands every feature to the feature threads.
 */
final class DigitCollector {

    private static final Logger LOG = LoggerFactory.getLogger(DigitCollector.class);

    private enum Stage { CODE, EXTENSION, DONE }

    private final FeatureHook hook;
    private final TransferComponent transfers;
    private final Bridge bridge;
    private final Channel party;
    private final Set<Feature> allowed;
    private final FeatureSettings settings;
    private final StringBuilder keys = new StringBuilder();
    private Stage stage = Stage.CODE;
    private Feature transfer;
    private ScheduledFuture<?> timer;

    DigitCollector(FeatureHook hook, TransferComponent transfers, Bridge bridge, Channel party, Set<Feature> allowed,
            FeatureSettings settings) {
        this.hook = hook;
        this.transfers = transfers;
        this.bridge = bridge;
        this.party = party;
        this.allowed = allowed;
        this.settings = settings;
    }

    Channel party() {
        return party;
    }

    /** One key from the party; what the bridge does with it. */
    Decision digit(char key) {
        Runnable after;
        Decision decision;
        synchronized (this) {
            if (stage == Stage.DONE) {
                return Decision.PASS;
            }
            keys.append(key);
            if (stage == Stage.EXTENSION) {
                after = extensionKey();
                decision = Decision.CONSUME;
            } else {
                CodeStep step = codeKey();
                after = step.after;
                decision = step.decision;
            }
        }
        if (after != null) {
            after.run();
        }
        return decision;
    }

    private record CodeStep(Decision decision, Runnable after) {
    }

    /** Under the monitor: the keys so far are a code, the start of one, or neither. */
    private CodeStep codeKey() {
        String pressed = keys.toString();
        Optional<Feature> matched = allowed.stream().filter(f -> f.code(settings).equals(pressed)).findFirst();
        if (matched.isPresent()) {
            keys.setLength(0);
            return new CodeStep(Decision.CONSUME, start(matched.get()));
        }
        if (isPrefix(pressed)) {
            restartTimer(settings.featureDigitTimeout(), this::codeTimedOut);
            return new CodeStep(Decision.CONSUME, null);
        }
        // not a code: the keys held back go on first; the last one may begin a code of its own
        String held = pressed.substring(0, pressed.length() - 1);
        char last = pressed.charAt(pressed.length() - 1);
        keys.setLength(0);
        keys.append(last);
        Optional<Feature> lastMatch = allowed.stream().filter(f -> f.code(settings).equals(String.valueOf(last)))
                .findFirst();
        if (lastMatch.isPresent()) {
            keys.setLength(0);
            Runnable feature = start(lastMatch.get());
            return new CodeStep(Decision.CONSUME, () -> {
                passOn(held);
                feature.run();
            });
        }
        if (isPrefix(String.valueOf(last))) {
            restartTimer(settings.featureDigitTimeout(), this::codeTimedOut);
            return new CodeStep(Decision.CONSUME, () -> passOn(held));
        }
        finish();
        return new CodeStep(Decision.PASS, () -> passOn(held));
    }

    private boolean isPrefix(String pressed) {
        return allowed.stream().map(f -> f.code(settings)).anyMatch(code -> code.length() > pressed.length()
                && code.startsWith(pressed));
    }

    /** Under the monitor: the feature a complete code starts (run after leaving the monitor). */
    private Runnable start(Feature feature) {
        transfers.counters().featureCode();
        Channel peer = bridge.peerOf(party).orElse(null);
        LOG.info("[{}] Feature code {} ({})", party.name(), feature.code(settings), feature);
        switch (feature) {
            case BLIND_TRANSFER, ATTENDED_TRANSFER -> {
                stage = Stage.EXTENSION;
                transfer = feature;
                restartTimer(settings.transferDigitTimeout(), this::extensionTimedOut);
                return () -> {
                    if (peer != null) {
                        peer.indicate(Control.HOLD);
                    }
                    onFeatureThread(() -> transfers.play(party, List.of("pbx-transfer")));
                };
            }
            case DISCONNECT -> {
                finish();
                return () -> onFeatureThread(() -> {
                    if (peer != null) {
                        transfers.moves().hangUp(peer);
                    }
                });
            }
            case PARK -> {
                finish();
                return () -> onFeatureThread(() -> {
                    if (peer != null) {
                        TransferOutcome outcome = transfers.park(peer, party);
                        LOG.info("[{}] Park of {}: {}", party.name(), peer.name(), outcome.detail());
                    }
                });
            }
            default -> throw new IllegalStateException(feature.toString());
        }
    }

    /** Under the monitor: a key of the extension; complete, impossible, or wait for more. */
    private Runnable extensionKey() {
        String extension = keys.toString();
        String context = Transfers.transferContext(party);
        boolean exists = transfers.exists(context, extension, party);
        boolean more = transfers.matchMore(context, extension, party);
        if (exists && !more) {
            return complete(extension, context);
        }
        if (!exists && !more) {
            return invalid(extension, context);
        }
        restartTimer(settings.transferDigitTimeout(), this::extensionTimedOut);
        return null;
    }

    private void extensionTimedOut() {
        Runnable after;
        synchronized (this) {
            if (stage != Stage.EXTENSION) {
                return;
            }
            String extension = keys.toString();
            String context = Transfers.transferContext(party);
            after = !extension.isEmpty() && transfers.exists(context, extension, party) ? complete(extension, context)
                    : invalid(extension, context);
        }
        after.run();
    }

    private Runnable complete(String extension, String context) {
        finish();
        Feature kind = transfer;
        return () -> onFeatureThread(() -> {
            if (kind == Feature.BLIND_TRANSFER) {
                Optional<Channel> peer = bridge.peerOf(party);
                TransferOutcome outcome = transfers.blindTransfer(party, extension, context);
                if (!outcome.completed()) {
                    peer.filter(p -> !p.isHungUp()).ifPresent(p -> p.indicate(Control.UNHOLD));
                    transfers.play(party, List.of("invalid"));
                }
            } else {
                new AttendedTransferRun(transfers, hook, bridge, party, extension, context).run();
            }
        });
    }

    private Runnable invalid(String extension, String context) {
        finish();
        LOG.info("[{}] Transfer to '{}' in {}: no such extension", party.name(), extension, context);
        transfers.counters().failed();
        Channel peer = bridge.peerOf(party).orElse(null);
        return () -> {
            if (peer != null && !peer.isHungUp()) {
                peer.indicate(Control.UNHOLD);
            }
            onFeatureThread(() -> transfers.play(party, List.of("invalid")));
        };
    }

    private void codeTimedOut() {
        String held;
        synchronized (this) {
            if (stage != Stage.CODE) {
                return;
            }
            held = keys.toString();
            finish();
        }
        passOn(held);
    }

    /** Keys that were not a code go on to the other party, as the bridge would have relayed them. */
    private void passOn(String held) {
        if (held.isEmpty()) {
            return;
        }
        bridge.peerOf(party).filter(peer -> !peer.isHungUp()).ifPresent(peer -> {
            for (char key : held.toCharArray()) {
                peer.write(DtmfFrame.begin(key));
                peer.write(DtmfFrame.end(key, Duration.ofMillis(100)));
            }
        });
    }

    private void restartTimer(Duration delay, Runnable action) {
        if (timer != null) {
            timer.cancel(false);
        }
        timer = transfers.timers().schedule(() -> guarded(action), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Under the monitor: no more keys for this collector. */
    private void finish() {
        stage = Stage.DONE;
        if (timer != null) {
            timer.cancel(false);
        }
        hook.done(this);
    }

    synchronized void cancel() {
        stage = Stage.DONE;
        if (timer != null) {
            timer.cancel(false);
        }
    }

    private void onFeatureThread(InterruptibleAction action) {
        transfers.featureThreads().execute(() -> guarded(() -> {
            try {
                action.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
    }

    private void guarded(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.warn("[{}] Feature failed", party.name(), e);
        }
    }

    @FunctionalInterface
    private interface InterruptibleAction {
        void run() throws InterruptedException;
    }
}
