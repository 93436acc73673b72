package org.strowger.pbx.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The benchmark's generated dialplan has the shape the issue asks for, and loads cleanly. */
class DialplanGeneratorTest {

    @Test
    void theStandardPlanHas100ContextsOf100ExtensionsWithAcyclicIncludes() {
        DialplanGenerator.Plan plan = DialplanGenerator.standard();
        ParsedDialplan parsed = ExtensionsConfParser.parse(plan.text(), "extensions.conf");
        assertThat(parsed.contexts()).hasSize(100);
        assertThat(parsed.diagnostics()).noneMatch(d -> d.severity() == Severity.ERROR);
        List<String> names = List.copyOf(parsed.contexts().keySet());
        int patterns = 0;
        for (ContextDef context : parsed.contexts().values()) {
            Set<ExtensionKey> keys = new HashSet<>();
            context.priorities().forEach(line -> keys.add(ExtensionKey.of(line.extension(), line.callerIdMatch())));
            assertThat(keys).as(context.name()).hasSize(100)
                    .contains(ExtensionKey.of("h", null), ExtensionKey.of("i", null));
            patterns += (int) keys.stream().filter(key -> key.exten().isPattern()).count();
            assertThat(context.priorities().stream().filter(line -> line.label() != null)).isNotEmpty();
            int position = names.indexOf(context.name());
            assertThat(context.includes()).as("includes of " + context.name())
                    .hasSizeBetween(position == names.size() - 1 ? 0 : 1, 3)
                    .allMatch(include -> names.indexOf(include.context()) > position, "defined later (no cycle)");
        }
        assertThat(patterns).isEqualTo(1000);
    }

    @Test
    void theSameSeedGivesTheSameFile() {
        assertThat(DialplanGenerator.generate(9, 5, 20).text()).isEqualTo(DialplanGenerator.generate(9, 5, 20).text());
    }
}
