package org.strowger.channel.core;

import java.util.concurrent.atomic.AtomicLong;

import org.strowger.channel.TechnologyName;

/**
 * Channel names {@code TECH/resource-xxxxxxxx} (a hexadecimal sequence, as Asterisk users
 * expect) and unique ids {@code <start epoch seconds>.<sequence>}, never reused.
 */
final class ChannelNaming {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final AtomicLong nameSequence = new AtomicLong();
    private final AtomicLong uniqueSequence = new AtomicLong();
    private final String uniqueIdPrefix;

    ChannelNaming(long startEpochSeconds) {
        this.uniqueIdPrefix = startEpochSeconds + ".";
    }

    String nextName(TechnologyName technology, String resource) {
        long sequence = nameSequence.incrementAndGet() & 0xffffffffL;
        String tech = technology.toString();
        StringBuilder name = new StringBuilder(tech.length() + resource.length() + 10);
        name.append(tech).append('/').append(resource).append('-');
        for (int shift = 28; shift >= 0; shift -= 4) {
            name.append(HEX[(int) (sequence >>> shift) & 0xf]);
        }
        return name.toString();
    }

    String nextUniqueId() {
        return uniqueIdPrefix + uniqueSequence.incrementAndGet();
    }
}
