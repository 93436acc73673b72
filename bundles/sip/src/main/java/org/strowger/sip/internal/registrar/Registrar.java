package org.strowger.sip.internal.registrar;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Contact bindings per endpoint (RFC 3261 §10.3): add, refresh, remove one with expires 0,
 * remove all with {@code *}, refuse too-short expiries with 423, keep at most
 * {@code maxContacts} (the oldest goes), and out-of-order requests of one Call-ID are refused.
 * Per-endpoint updates are serialised; reads are lock-free snapshots.
 */
public final class Registrar {

    private final Clock clock;
    /** Replaced whole by {@link #setExpiries} (a live configuration change); bindings stay. */
    private volatile Expiries expiries;
    private final Map<String, List<Binding>> bindings = new ConcurrentHashMap<>();

    private record Expiries(int defaultExpires, int minExpires, int maxExpires) {
        Expiries {
            if (minExpires < 1 || maxExpires < minExpires || defaultExpires < minExpires
                    || defaultExpires > maxExpires) {
                throw new IllegalArgumentException("registration expiries must satisfy 1 <= min (" + minExpires
                        + ") <= default (" + defaultExpires + ") <= max (" + maxExpires + ")");
            }
        }
    }

    public Registrar(Clock clock, int defaultExpires, int minExpires, int maxExpires) {
        this.clock = clock;
        this.expiries = new Expiries(defaultExpires, minExpires, maxExpires);
    }

    /**
     * New expiry limits for the REGISTERs to come; bindings made already keep their expiry.
     *
     * @throws IllegalArgumentException unless 1 <= min <= default <= max
     */
    public void setExpiries(int defaultExpires, int minExpires, int maxExpires) {
        this.expiries = new Expiries(defaultExpires, minExpires, maxExpires);
    }

    public RegisterOutcome register(String endpoint, int maxContacts, RegisterRequest request) {
        RegisterOutcome[] outcome = new RegisterOutcome[1];
        bindings.compute(endpoint, (name, current) -> {
            List<Binding> live = live(current);
            outcome[0] = apply(endpoint, maxContacts, request, live);
            List<Binding> after = outcome[0].status() == 200 ? outcome[0].bindings() : live;
            return after.isEmpty() ? null : after;
        });
        return outcome[0];
    }

    private RegisterOutcome apply(String endpoint, int maxContacts, RegisterRequest request, List<Binding> live) {
        Instant now = clock.instant();
        if (request.wildcard()) {
            if (request.expires().orElse(-1) != 0 || !request.contacts().isEmpty()) {
                return RegisterOutcome.refused(400, "Contact * needs Expires: 0 and no other contact");
            }
            // RFC 3261 10.3 step 6: a binding of the same Call-ID goes only if the CSeq is higher
            if (live.stream().anyMatch(b -> isOutOfOrder(b, request))) {
                return RegisterOutcome.refused(500, "Out of order REGISTER");
            }
            return RegisterOutcome.ok(List.of());
        }
        List<Binding> result = new ArrayList<>(live);
        Expiries limits = expiries;
        for (ContactUpdate update : request.contacts()) {
            int expires = update.expires().orElse(request.expires().orElse(limits.defaultExpires()));
            if (expires > 0 && expires < limits.minExpires()) {
                return new RegisterOutcome(423, "Interval Too Brief", List.of(), limits.minExpires());
            }
            expires = Math.min(expires, limits.maxExpires());
            Optional<Binding> existing = result.stream().filter(b -> b.contact().equals(update.contact())).findFirst();
            if (existing.isPresent() && isOutOfOrder(existing.get(), request)) {
                return RegisterOutcome.refused(500, "Out of order REGISTER");
            }
            existing.ifPresent(result::remove);
            if (expires > 0) {
                Instant registeredAt = existing.map(Binding::registeredAt).orElse(now);
                result.add(new Binding(endpoint, update.contact(), request.source(), now.plusSeconds(expires),
                        request.userAgent(), request.callId(), request.cseq(), registeredAt));
            }
        }
        result.sort(Comparator.comparing(Binding::registeredAt));
        while (result.size() > maxContacts) {
            result.remove(0);
        }
        return RegisterOutcome.ok(List.copyOf(result));
    }

    /** Same Call-ID and a CSeq that is not higher: a late or replayed REGISTER (RFC 3261 10.3 step 7). */
    private static boolean isOutOfOrder(Binding binding, RegisterRequest request) {
        return binding.callId().equals(request.callId()) && binding.cseq() >= request.cseq();
    }

    private List<Binding> live(List<Binding> current) {
        if (current == null) {
            return List.of();
        }
        Instant now = clock.instant();
        return current.stream().filter(b -> b.expiresAt().isAfter(now)).toList();
    }

    /** The endpoint's live bindings, newest last. */
    public List<Binding> bindings(String endpoint) {
        return live(bindings.get(endpoint));
    }

    /** Where to call an endpoint: its most recently registered live contact. */
    public Optional<Binding> latest(String endpoint) {
        List<Binding> live = bindings(endpoint);
        return live.isEmpty() ? Optional.empty() : Optional.of(live.get(live.size() - 1));
    }

    public List<Binding> all() {
        return bindings.keySet().stream().sorted().flatMap(name -> bindings(name).stream()).toList();
    }

    /** Drops expired bindings and those of endpoints that no longer exist; returns how many went. */
    public int sweep(Predicate<String> endpointExists) {
        int[] removed = {0};
        for (String name : List.copyOf(bindings.keySet())) {
            bindings.computeIfPresent(name, (key, current) -> {
                List<Binding> live = endpointExists.test(key) ? live(current) : List.of();
                removed[0] += current.size() - live.size();
                return live.isEmpty() ? null : live;
            });
        }
        return removed[0];
    }

    public int seconds(Binding binding) {
        return (int) Math.max(0, binding.expiresAt().getEpochSecond() - clock.instant().getEpochSecond());
    }
}
