package org.strowger.sip.internal.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TelephoneEventDetectorTest {

    private final TelephoneEventDetector detector = new TelephoneEventDetector();
    private final RecordingReceiver receiver = new RecordingReceiver();

    @Test
    void oneBeginAndOneEndPerEventWhateverIsRepeated() {
        detector.onEvent(1000, 5, false, 160, receiver);
        detector.onEvent(1000, 5, false, 320, receiver);
        detector.onEvent(1000, 5, false, 480, receiver);
        detector.onEvent(1000, 5, true, 800, receiver);
        detector.onEvent(1000, 5, true, 800, receiver);
        detector.onEvent(1000, 5, true, 800, receiver);

        assertThat(receiver.digitList()).containsExactly("begin 5", "end 5 100ms");
    }

    @Test
    void theSameDigitTwiceIsTwoEventsByTimestamp() {
        detector.onEvent(1000, 11, false, 160, receiver);
        detector.onEvent(1000, 11, true, 400, receiver);
        detector.onEvent(3000, 11, false, 160, receiver);
        detector.onEvent(3000, 11, true, 400, receiver);

        assertThat(receiver.digitList()).containsExactly("begin #", "end # 50ms", "begin #", "end # 50ms");
    }

    @Test
    void lostEndPacketsAreMadeUpForWhenTheNextEventStarts() {
        detector.onEvent(1000, 1, false, 160, receiver);
        detector.onEvent(1000, 1, false, 640, receiver);
        detector.onEvent(2000, 2, false, 160, receiver);

        assertThat(receiver.digitList()).containsExactly("begin 1", "end 1 80ms", "begin 2");
    }

    @Test
    void anEventSeenOnlyByItsEndIsBegunAndEnded() {
        detector.onEvent(1000, 10, true, 1600, receiver);

        assertThat(receiver.digitList()).containsExactly("begin *", "end * 200ms");
    }

    @Test
    void flashAndOtherNonDtmfEventsAreIgnored() {
        detector.onEvent(1000, 16, false, 160, receiver);
        detector.onEvent(1000, 16, true, 800, receiver);

        assertThat(receiver.digitList()).isEmpty();
    }

    @Test
    void eventCodesMapToDigits() {
        assertThat(TelephoneEvent.code('0')).isZero();
        assertThat(TelephoneEvent.code('9')).isEqualTo(9);
        assertThat(TelephoneEvent.code('*')).isEqualTo(10);
        assertThat(TelephoneEvent.code('#')).isEqualTo(11);
        assertThat(TelephoneEvent.code('A')).isEqualTo(12);
        assertThat(TelephoneEvent.code('d')).isEqualTo(15);
        assertThat(TelephoneEvent.digit(15)).isEqualTo('D');
        assertThat(TelephoneEvent.digit(16)).isEqualTo((char) 0);
    }
}
