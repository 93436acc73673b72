package org.strowger.transfer.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.strowger.channel.Channel;
import org.strowger.channel.log.CallLogContext;
import org.strowger.channel.bridge.Bridge;
import org.strowger.channel.bridge.BridgeHook.Decision;
import org.strowger.channel.frame.DtmfFrame;
import org.strowger.transfer.FeatureSettings;
import org.strowger.transfer.TransferOutcome;

/**
 * The keys one party presses in a bridge, from the first key that may begin a feature code to
 * the feature it starts: held back from the other party until they are a code, or are not (then
 * passed on, in order). A transfer's extension is collected by {@link KeyedTransfer}, once the
 * parties are taken out of the bridge. Called in drivers' threads and the timer's, one key at a
 * time under this object's monitor; it calls the core (digits passed on) only after leaving it,
 * and hands every feature to the feature threads.
 */
final class DigitCollector {

    private static final Logger LOG = LoggerFactory.getLogger(DigitCollector.class);

    /** CODE: keys may be a code; CAPTURE: a transfer started, its keys go to it; DONE: keys pass. */
    private enum Stage { CODE, CAPTURE, DONE }

    private final FeatureHook hook;
    private final TransferComponent transfers;
    private final Bridge bridge;
    private final Channel party;
    private final Set<Feature> allowed;
    private final FeatureSettings settings;
    private final StringBuilder keys = new StringBuilder();
    private Stage stage = Stage.CODE;
    /** The transfer the keys go to while its parties are being taken out of the bridge. */
    private KeyedTransfer capturing;
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
            if (stage == Stage.CAPTURE) {
                // dialled before the transfer took the parties out of the bridge: they are its extension
                capturing.earlyKey(key);
                return Decision.CONSUME;
            }
            keys.append(key);
            CodeStep step = codeKey();
            after = step.after;
            decision = step.decision;
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
        CallLogContext.info(LOG, party, "Feature code {} ({})", feature.code(settings), feature);
        switch (feature) {
            case BLIND_TRANSFER, ATTENDED_TRANSFER -> {
                KeyedTransfer.Kind kind = feature == Feature.BLIND_TRANSFER ? KeyedTransfer.Kind.BLIND
                        : KeyedTransfer.Kind.ATTENDED;
                KeyedTransfer transfer = new KeyedTransfer(transfers, hook, bridge, party, kind, this::captured);
                stage = Stage.CAPTURE;
                capturing = transfer;
                if (timer != null) {
                    timer.cancel(false);
                }
                return () -> onFeatureThread(transfer::run);
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
                        CallLogContext.info(LOG, party, "Park of {}: {}", peer.name(), outcome.detail());
                    }
                });
            }
            default -> throw new IllegalStateException(feature.toString());
        }
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

    /** The transfer has the parties (or gave up): keys in this bridge are no longer its business. */
    private synchronized void captured() {
        finish();
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
            CallLogContext.warn(LOG, party, "Feature failed", e);
        }
    }

    @FunctionalInterface
    private interface InterruptibleAction {
        void run() throws InterruptedException;
    }
}
