/**
 * Ranked locks and the lock-order validator (in the manner of Linux lockdep): every
 * acquisition is checked against the ranks and against the order of lock classes seen so far,
 * on every thread.
 */
package org.strowger.channel.core.lock;
