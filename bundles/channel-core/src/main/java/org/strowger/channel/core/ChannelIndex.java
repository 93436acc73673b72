package org.strowger.channel.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The channel container: live channels by name and by unique id. Lock-free for readers; a key
 * moves from one channel to another in one atomic replace, so a lookup sees the old binding or
 * the new one and never a duplicate name.
 */
final class ChannelIndex {

    private final Map<String, CoreChannel> byName = new ConcurrentHashMap<>();
    private final Map<String, CoreChannel> byUniqueId = new ConcurrentHashMap<>();

    /** Adds a new channel; false when its name is taken. */
    boolean add(CoreChannel channel) {
        if (byName.putIfAbsent(channel.name, channel) != null) {
            return false;
        }
        byUniqueId.put(channel.uniqueId, channel);
        return true;
    }

    void remove(CoreChannel channel, String name, String uniqueId) {
        byName.remove(name, channel);
        byUniqueId.remove(uniqueId, channel);
    }

    /** Binds {@code name} to {@code channel}, if it is free; false when another channel has it. */
    boolean claimName(String name, CoreChannel channel) {
        CoreChannel previous = byName.putIfAbsent(name, channel);
        return previous == null || previous == channel;
    }

    /** Moves both keys of {@code from} to {@code to}, each in one atomic step (masquerade). */
    void rebind(String name, String uniqueId, CoreChannel from, CoreChannel to) {
        byName.replace(name, from, to);
        byUniqueId.replace(uniqueId, from, to);
    }

    void unbindName(String name, CoreChannel channel) {
        byName.remove(name, channel);
    }

    void unbindUniqueId(String uniqueId, CoreChannel channel) {
        byUniqueId.remove(uniqueId, channel);
    }

    CoreChannel byName(String name) {
        return name == null ? null : byName.get(name);
    }

    CoreChannel byUniqueId(String uniqueId) {
        return uniqueId == null ? null : byUniqueId.get(uniqueId);
    }

    /** The live channels, each once, oldest first. */
    List<CoreChannel> snapshot() {
        Set<CoreChannel> distinct = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        List<CoreChannel> list = new ArrayList<>(byName.size());
        for (CoreChannel channel : byName.values()) {
            if (distinct.add(channel)) {
                list.add(channel);
            }
        }
        list.sort(Comparator.comparingLong(channel -> channel.lock.order()));
        return list;
    }

    int size() {
        return byUniqueId.size();
    }

    /** Every name key with its channel, for invariant checks. */
    Map<String, CoreChannel> namesView() {
        return Map.copyOf(byName);
    }

    Map<String, CoreChannel> uniqueIdsView() {
        return Map.copyOf(byUniqueId);
    }
}
