/**
 * The implementation behind {@link org.strowger.misdn.card.Cards}: the JNI bridge
 * ({@code libstrowger-misdn-0.1.so}), the card with its I/O thread, and the simulated card's
 * faults. Private to the bundle.
 */
package org.strowger.misdn.card.internal;
