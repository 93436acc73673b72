package org.strowger.sip.internal.stack;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Rate-limited WARN lines for messages that are rejected or dropped before they reach the
 * driver, so a flood of bad datagrams cannot fill the log: at most one line per source
 * (address:port/transport) per window, the next line from that source says how many were
 * suppressed meanwhile; and, against floods from many (spoofed) sources, at most
 * {@code maxLinesPerWindow} lines per window in all, the next line after the cap says how many
 * lines from other sources were suppressed. The per-source table is bounded (least recently
 * seen sources are forgotten first). Thread-safe; one per stack, no static state.
 */
final class DropLog {

    static final long DEFAULT_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(10);
    static final int DEFAULT_MAX_LINES_PER_WINDOW = 20;
    static final int DEFAULT_MAX_SOURCES = 1024;

    private final Consumer<String> sink;
    private final LongSupplier nanoClock;
    private final long windowNanos;
    private final int maxLinesPerWindow;
    private final Map<String, Window> bySource;

    private long globalWindowStart;
    private boolean globalWindowOpen;
    private int linesInGlobalWindow;
    private long suppressedByCap;

    DropLog(Consumer<String> sink, LongSupplier nanoClock) {
        this(sink, nanoClock, DEFAULT_WINDOW_NANOS, DEFAULT_MAX_LINES_PER_WINDOW, DEFAULT_MAX_SOURCES);
    }

    DropLog(Consumer<String> sink, LongSupplier nanoClock, long windowNanos, int maxLinesPerWindow, int maxSources) {
        this.sink = sink;
        this.nanoClock = nanoClock;
        this.windowNanos = windowNanos;
        this.maxLinesPerWindow = maxLinesPerWindow;
        this.bySource = new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
                return size() > maxSources;
            }
        };
    }

    /**
     * Reports one rejected message. {@code source} identifies the peer (e.g.
     * {@code 192.0.2.1:5060/UDP}), {@code what} says why and what was done with it.
     */
    void report(String source, String what) {
        String line;
        synchronized (this) {
            long now = nanoClock.getAsLong();
            Window window = bySource.get(source);
            if (window != null && now - window.start < windowNanos) {
                window.suppressed++;
                return;
            }
            if (!globalWindowOpen || now - globalWindowStart >= windowNanos) {
                globalWindowOpen = true;
                globalWindowStart = now;
                linesInGlobalWindow = 0;
            }
            if (linesInGlobalWindow >= maxLinesPerWindow) {
                if (window != null) {
                    window.suppressed++; // told on this source's next line
                } else {
                    suppressedByCap++; // told on the next line, whichever source it is for
                }
                return;
            }
            linesInGlobalWindow++;
            long fromThisSource = window == null ? 0 : window.suppressed;
            long fromOthers = suppressedByCap;
            suppressedByCap = 0;
            bySource.put(source, new Window(now));
            StringBuilder text = new StringBuilder(160).append("SIP message from ").append(source).append(' ')
                    .append(what);
            if (fromThisSource > 0) {
                text.append(" [").append(fromThisSource).append(" more from this source not logged]");
            }
            if (fromOthers > 0) {
                text.append(" [").append(fromOthers).append(" more from other sources not logged: too many sources]");
            }
            line = text.toString();
        }
        sink.accept(line);
    }

    private static final class Window {
        final long start;
        long suppressed;

        Window(long start) {
            this.start = start;
        }
    }
}
