package org.strowger.pbx.internal.engine;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.strowger.pbx.DialplanApplication;
import org.strowger.pbx.DialplanFunction;

/**
 * The applications and functions the dialplan can use now, as bundles register and withdraw
 * them. Application names ignore case (Asterisk does); function names do not.
 */
public final class DialplanRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(DialplanRegistry.class);

    private final Map<String, DialplanApplication> applications = new ConcurrentHashMap<>();
    private final Map<String, DialplanFunction> functions = new ConcurrentHashMap<>();

    public void addApplication(String name, DialplanApplication application) {
        if (name == null || name.isBlank()) {
            LOG.error("Ignoring dialplan application {} registered without a {} property", application,
                    DialplanApplication.NAME_PROPERTY);
            return;
        }
        DialplanApplication previous = applications.putIfAbsent(key(name), application);
        if (previous != null && previous != application) {
            LOG.warn("Dialplan application {} is already registered; ignoring a second one ({})", name, application);
        } else {
            LOG.debug("Dialplan application {} available", name);
        }
    }

    public void removeApplication(String name, DialplanApplication application) {
        if (name != null) {
            applications.remove(key(name), application);
        }
    }

    public void addFunction(String name, DialplanFunction function) {
        if (name == null || name.isBlank()) {
            LOG.error("Ignoring dialplan function {} registered without a {} property", function,
                    DialplanFunction.NAME_PROPERTY);
            return;
        }
        DialplanFunction previous = functions.putIfAbsent(name, function);
        if (previous != null && previous != function) {
            LOG.warn("Dialplan function {} is already registered; ignoring a second one ({})", name, function);
        }
    }

    public void removeFunction(String name, DialplanFunction function) {
        if (name != null) {
            functions.remove(name, function);
        }
    }

    public Optional<DialplanApplication> application(String name) {
        return Optional.ofNullable(applications.get(key(name)));
    }

    public Optional<DialplanFunction> function(String name) {
        return Optional.ofNullable(functions.get(name));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
