package org.strowger.pbx.internal.engine;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.strowger.pbx.DialplanAdmin.Registration;
import org.strowger.pbx.DialplanApplication;
import org.strowger.pbx.DialplanFunction;

/**
 * The applications and functions the dialplan can use now, as bundles register and withdraw
 * them. Application names ignore case (Asterisk does); function names do not.
 */
public final class DialplanRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(DialplanRegistry.class);

    /** A service under the name it was registered with, and the bundle that registered it. */
    private record Entry<T>(String name, T service, String bundle) {
    }

    private final Map<String, Entry<DialplanApplication>> applications = new ConcurrentHashMap<>();
    private final Map<String, Entry<DialplanFunction>> functions = new ConcurrentHashMap<>();

    public void addApplication(String name, DialplanApplication application) {
        addApplication(name, application, "");
    }

    /** Adds an application; {@code bundle} is the symbolic name of the bundle that registered it. */
    public void addApplication(String name, DialplanApplication application, String bundle) {
        if (name == null || name.isBlank()) {
            LOG.error("Ignoring dialplan application {} registered without a {} property", application,
                    DialplanApplication.NAME_PROPERTY);
            return;
        }
        Entry<DialplanApplication> previous =
                applications.putIfAbsent(key(name), new Entry<>(name, application, bundle(bundle)));
        if (previous != null && previous.service() != application) {
            LOG.warn("Dialplan application {} is already registered by {}; ignoring a second one ({})", name,
                    previous.bundle(), application);
        } else {
            LOG.debug("Dialplan application {} available", name);
        }
    }

    public void removeApplication(String name, DialplanApplication application) {
        if (name != null) {
            applications.computeIfPresent(key(name), (key, entry) -> entry.service() == application ? null : entry);
        }
    }

    public void addFunction(String name, DialplanFunction function) {
        addFunction(name, function, "");
    }

    /** Adds a function; {@code bundle} is the symbolic name of the bundle that registered it. */
    public void addFunction(String name, DialplanFunction function, String bundle) {
        if (name == null || name.isBlank()) {
            LOG.error("Ignoring dialplan function {} registered without a {} property", function,
                    DialplanFunction.NAME_PROPERTY);
            return;
        }
        Entry<DialplanFunction> previous = functions.putIfAbsent(name, new Entry<>(name, function, bundle(bundle)));
        if (previous != null && previous.service() != function) {
            LOG.warn("Dialplan function {} is already registered by {}; ignoring a second one ({})", name,
                    previous.bundle(), function);
        }
    }

    public void removeFunction(String name, DialplanFunction function) {
        if (name != null) {
            functions.computeIfPresent(name, (key, entry) -> entry.service() == function ? null : entry);
        }
    }

    public Optional<DialplanApplication> application(String name) {
        return Optional.ofNullable(applications.get(key(name))).map(Entry::service);
    }

    public Optional<DialplanFunction> function(String name) {
        return Optional.ofNullable(functions.get(name)).map(Entry::service);
    }

    /** The applications in use now, by name ignoring case. */
    public List<Registration> applications() {
        return list(applications.values(), DialplanApplication::description);
    }

    /** The functions in use now, by name ignoring case. */
    public List<Registration> functions() {
        return list(functions.values(), DialplanFunction::description);
    }

    private static <T> List<Registration> list(Collection<Entry<T>> entries, Function<T, String> description) {
        return entries.stream()
                .map(entry -> new Registration(entry.name(), describe(entry, description), entry.bundle()))
                .sorted(Comparator.comparing(Registration::name, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(Registration::name))
                .toList();
    }

    /** A bundle's description() is its code, not ours: one that throws must not break the listing. */
    private static <T> String describe(Entry<T> entry, Function<T, String> description) {
        try {
            String text = description.apply(entry.service());
            return text == null ? "" : text;
        } catch (RuntimeException e) {
            LOG.warn("description() of dialplan {} from bundle {} failed", entry.name(), entry.bundle(), e);
            return "(no description: " + e + ")";
        }
    }

    private static String bundle(String bundle) {
        return bundle == null ? "" : bundle;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
