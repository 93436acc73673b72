package org.strowger.examples.hello;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ReverseFunctionTest {

    private final ReverseFunction reverse = new ReverseFunction();
    private final FakeCall call = new FakeCall();

    @Test
    void readsTheTextBackwards() {
        assertThat(reverse.read(call, List.of("olleh"))).isEqualTo("hello");
        assertThat(reverse.read(call, List.of("12345"))).isEqualTo("54321");
    }

    @Test
    void emptyOrMissingTextReadsEmpty() {
        assertThat(reverse.read(call, List.of(""))).isEmpty();
        assertThat(reverse.read(call, List.of())).isEmpty();
    }

    @Test
    void keepsCharactersOutsideTheBasicPlaneWhole() {
        assertThat(reverse.read(call, List.of("a\uD83D\uDCDEb"))).isEqualTo("b\uD83D\uDCDEa");
    }

    @Test
    void refusesSeveralArgumentsWithAMessageThatSaysWhatToDo() {
        assertThatThrownBy(() -> reverse.read(call, List.of("a", "b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one argument").hasMessageContaining("quote");
    }

    @Test
    void cannotBeWritten() {
        assertThatThrownBy(() -> reverse.write(call, List.of("a"), "b"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
