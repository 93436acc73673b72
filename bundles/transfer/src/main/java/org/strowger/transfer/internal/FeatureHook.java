package org.strowger.transfer.internal;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.strowger.channel.Channel;
import org.strowger.channel.TechnologyName;
import org.strowger.channel.bridge.Bridge;
import org.strowger.channel.bridge.BridgeHook;
import org.strowger.transfer.FeatureSettings;

/**
 * The DTMF feature codes ({@code #1}, {@code *2}, {@code *0}, {@code #72} by default) in
 * bridges. A party may use the features its {@code DIAL_FEATURES} variable allows (Dial's
 * options t/T, h/H, k/K); in an attended transfer's consultation the transferer may always
 * abort with the disconnect code. Digits that begin a code are held back; when they turn out
 * not to be one (or the pause is too long) they go on to the other party, in order.
 *
 * <p>Runs in the driver's thread that received the digit, with no core lock held: it only
 * decides and hands the feature itself to the feature threads.
 */
@Component(service = {BridgeHook.class, FeatureHook.class})
public final class FeatureHook implements BridgeHook {

    private final TransferComponent transfers;
    /** A collector per party pressing keys now, by its channel object. */
    private final Map<Channel, DigitCollector> collectors = new ConcurrentHashMap<>();
    /** Consultation bridges of attended transfers under way: their first member is the transferer. */
    private final Set<Bridge> consultations = ConcurrentHashMap.newKeySet();

    @Activate
    public FeatureHook(@Reference TransferComponent transfers) {
        this.transfers = transfers;
    }

    @Deactivate
    void deactivate() {
        collectors.values().forEach(DigitCollector::cancel);
        collectors.clear();
    }

    @Override
    public Decision onDigit(Bridge bridge, Channel from, char digit) {
        DigitCollector collector = collectors.get(from);
        if (collector == null) {
            if (heldByTheFeatures(bridge)) {
                return Decision.PASS; // a parked or held party's keys are not feature codes
            }
            FeatureSettings settings = transfers.settings();
            Set<Feature> allowed = Feature.allowedBy(from.variable(Feature.VARIABLE).orElse(""), settings);
            if (consultations.contains(bridge) && bridge.first() == from && !settings.disconnect().isEmpty()) {
                allowed.add(Feature.DISCONNECT);
            }
            if (allowed.isEmpty()) {
                return Decision.PASS;
            }
            collector = collectors.computeIfAbsent(from,
                    party -> new DigitCollector(this, transfers, bridge, party, allowed, settings));
        }
        return collector.digit(digit);
    }

    /**
     * A bridge the features made to hold a party (parking, a transfer's hold): one member is a
     * {@code Transfer/} channel. The party's copied {@code DIAL_FEATURES} must not act on it.
     */
    private static boolean heldByTheFeatures(Bridge bridge) {
        TechnologyName transfer = TechnologyName.of(TransferTechnology.NAME);
        return bridge.first().technology().equals(transfer) || bridge.second().technology().equals(transfer);
    }

    /** A collector is done (feature started, digits passed on, or given up). */
    void done(DigitCollector collector) {
        collectors.remove(collector.party(), collector);
    }

    void consultationStarted(Bridge consultation) {
        consultations.add(consultation);
    }

    void consultationEnded(Bridge consultation) {
        consultations.remove(consultation);
    }

    /** How many parties are in the middle of a code or an extension now (for tests and the console). */
    int collecting() {
        return collectors.size();
    }
}
