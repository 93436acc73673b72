package org.strowger.pbx.internal.engine;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Global dialplan variables ({@code [globals]}, {@code Set(GLOBAL(X)=...)}), shared by every call. */
public final class Globals {

    private final Map<String, String> values = new ConcurrentHashMap<>();

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public void set(String name, String value) {
        if (value == null) {
            values.remove(name);
        } else {
            values.put(name, value);
        }
    }

    public void clear() {
        values.clear();
    }
}
