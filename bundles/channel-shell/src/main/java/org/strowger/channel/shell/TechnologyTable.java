package org.strowger.channel.shell;

import java.util.List;

import org.strowger.channel.TechnologyInfo;

/** The channel technologies as a console table, with a count line as operators expect. */
final class TechnologyTable {

    private final List<TechnologyInfo> technologies;

    TechnologyTable(List<TechnologyInfo> technologies) {
        this.technologies = technologies;
    }

    String render() {
        StringBuilder out = new StringBuilder();
        if (!technologies.isEmpty()) {
            int nameWidth = "Technology".length();
            int bundleWidth = "Bundle".length();
            for (TechnologyInfo info : technologies) {
                nameWidth = Math.max(nameWidth, info.name().toString().length());
                bundleWidth = Math.max(bundleWidth, bundle(info).length());
            }
            String format = "%-" + nameWidth + "s  %-" + bundleWidth + "s  %s%n";
            out.append(String.format(format, "Technology", "Bundle", "Description"));
            for (TechnologyInfo info : technologies) {
                out.append(String.format(format, info.name(), bundle(info), info.description()));
            }
        }
        int count = technologies.size();
        out.append(count).append(count == 1 ? " channel technology" : " channel technologies").append(" registered");
        return out.toString();
    }

    private static String bundle(TechnologyInfo info) {
        return info.bundleSymbolicName() + " " + info.bundleVersion();
    }
}
