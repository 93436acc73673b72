package org.strowger.pbx.internal.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the problems of one load. They are found in two passes (file layer, then dialplan
 * lines), but reported like a compiler's: file by file in reading order, line by line.
 */
final class Diagnostics {

    private final List<Diagnostic> all = new ArrayList<>();
    private final Map<String, Integer> fileOrder = new LinkedHashMap<>();

    /** Called as each file starts being read, to fix the order files are reported in. */
    void noteFile(String file) {
        fileOrder.putIfAbsent(file, fileOrder.size());
    }

    void error(SourceLocation at, String message) {
        all.add(Diagnostic.error(at, message));
    }

    void warning(SourceLocation at, String message) {
        all.add(Diagnostic.warning(at, message));
    }

    boolean hasErrors() {
        return all.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    List<Diagnostic> all() {
        return all.stream().sorted(inReadingOrder()).toList();
    }

    List<Diagnostic> errors() {
        return all().stream().filter(d -> d.severity() == Severity.ERROR).toList();
    }

    List<Diagnostic> warnings() {
        return all().stream().filter(d -> d.severity() == Severity.WARNING).toList();
    }

    private Comparator<Diagnostic> inReadingOrder() {
        return Comparator.<Diagnostic>comparingInt(d -> fileOrder.getOrDefault(d.at().file(), Integer.MAX_VALUE))
                .thenComparingInt(d -> d.at().line());
    }
}
