package org.strowger.misdn.internal;

import java.io.IOException;

import org.strowger.misdn.card.Card;
import org.strowger.misdn.card.Cards;
import org.strowger.misdn.internal.config.MisdnSettings;

/** Opens the card the settings ask for (tests give a fake). */
@FunctionalInterface
public interface CardOpener {

    Card open(MisdnSettings settings) throws IOException;

    /** The real thing: {@link Cards#hardware()} or {@link Cards#simulated}. */
    CardOpener CARDS = settings -> settings.hardware() ? Cards.hardware()
            : Cards.simulated(settings.simulatedPairs(), settings.primaryRate(), settings.tick());
}
