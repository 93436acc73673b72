package org.strowger.pbx.internal.engine;

import java.util.ArrayList;
import java.util.List;

import org.strowger.pbx.ArgumentSyntax;
import org.strowger.pbx.Arguments;
import org.strowger.pbx.internal.value.DialplanSyntaxException;
import org.strowger.pbx.internal.value.Scope;
import org.strowger.pbx.internal.value.Template;
import org.strowger.pbx.internal.value.Templates;

/**
 * An application's arguments compiled at load: the split is fixed, each slot a template.
 * Evaluating fills each slot with its own value only.
 */
final class CompiledArguments {

    private final String source;
    private final List<List<Template>> slots;
    private final boolean[] written;
    private final char[] joiners;

    private CompiledArguments(String source, List<List<Template>> slots, boolean[] written, char[] joiners) {
        this.source = source;
        this.slots = slots;
        this.written = written;
        this.joiners = joiners;
    }

    static CompiledArguments compile(String data, ArgumentSyntax syntax) throws DialplanSyntaxException {
        ArgumentSplitter.RawArguments raw = ArgumentSplitter.split(data, syntax);
        List<List<Template>> slots = new ArrayList<>();
        for (List<String> slot : raw.slots()) {
            List<Template> templates = new ArrayList<>(slot.size());
            for (String text : slot) {
                templates.add(Templates.compile(text));
            }
            slots.add(List.copyOf(templates));
        }
        return new CompiledArguments(data, List.copyOf(slots), raw.written(), raw.joiners());
    }

    Arguments evaluate(Scope scope) {
        List<List<String>> values = new ArrayList<>(slots.size());
        for (List<Template> slot : slots) {
            List<String> evaluated = new ArrayList<>(slot.size());
            for (Template template : slot) {
                evaluated.add(template.evaluate(scope));
            }
            values.add(List.copyOf(evaluated));
        }
        return new EvaluatedArguments(source, values, written, joiners);
    }

    /** The slots' templates, for load-time checks (for example: is a Goto target literal?). */
    List<List<Template>> slots() {
        return slots;
    }

    private record EvaluatedArguments(String source, List<List<String>> values, boolean[] written, char[] joiners)
            implements Arguments {

        @Override
        public int size() {
            return values.size();
        }

        @Override
        public boolean has(int index) {
            return index >= 0 && index < written.length && written[index];
        }

        @Override
        public String get(int index) {
            if (index < 0 || index >= values.size()) {
                return "";
            }
            List<String> slot = values.get(index);
            if (slot.size() == 1) {
                return slot.get(0);
            }
            return String.join(String.valueOf(joiners[index] == 0 ? ',' : joiners[index]), slot);
        }

        @Override
        public List<String> list(int index) {
            return index < 0 || index >= values.size() ? List.of() : values.get(index);
        }
    }
}
