package org.strowger.channel.core.lock;

import org.strowger.channel.lock.LockRank;

/** A class of locks as the validator sees them: {@code CHANNEL}, {@code PVT:SIP}, ... */
record LockClass(String name, LockRank rank) {
}
