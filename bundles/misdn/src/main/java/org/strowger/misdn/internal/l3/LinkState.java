package org.strowger.misdn.internal.l3;

/**
 * A port's layers 1 and 2 and its calls, as the console shows them.
 *
 * @param layer1Active the line is up
 * @param layer2Established the data link (LAPD) is established
 * @param calls calls with a call reference now
 */
public record LinkState(boolean layer1Active, boolean layer2Established, int calls) {
}
