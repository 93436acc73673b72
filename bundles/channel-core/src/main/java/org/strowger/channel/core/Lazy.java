package org.strowger.channel.core;

import java.util.function.Supplier;

/** A value fetched once, on first use (a service object the core must not fetch while it activates). */
final class Lazy<T> implements Supplier<T> {

    private final Supplier<T> source;
    private volatile T value;

    Lazy(Supplier<T> source) {
        this.source = source;
    }

    @Override
    public T get() {
        T known = value;
        if (known == null) {
            synchronized (this) {
                if (value == null) {
                    value = source.get();
                }
                known = value;
            }
        }
        return known;
    }
}
