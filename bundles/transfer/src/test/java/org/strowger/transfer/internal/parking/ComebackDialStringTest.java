package org.strowger.transfer.internal.parking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The device a parked call rings when its time runs out: the parker's channel name without its unique suffix. */
class ComebackDialStringTest {

    @Test
    void theUniqueSuffixIsDropped() {
        assertThat(ParkingLot.comebackDialString("SIP/alice-0000001a")).contains("SIP/alice");
        assertThat(ParkingLot.comebackDialString("SIP/my-phone-0000001a")).contains("SIP/my-phone");
    }

    @Test
    void noParkerAZombieOrAPlaceholderRingsNothing() {
        assertThat(ParkingLot.comebackDialString("")).isEmpty();
        assertThat(ParkingLot.comebackDialString(null)).isEmpty();
        assertThat(ParkingLot.comebackDialString("SIP/alice-0000001a<ZOMBIE>")).isEmpty();
        assertThat(ParkingLot.comebackDialString("Transfer/park-00000002")).isEmpty();
        assertThat(ParkingLot.comebackDialString("SIP/alice")).isEmpty();
    }
}
