package org.strowger.examples.hello;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.strowger.channel.CallerId;
import org.strowger.pbx.ApplicationResult;

class HelloApplicationTest {

    private final HelloApplication hello = new HelloApplication();
    private final FakeCall call = new FakeCall();

    @Test
    void greetsTheNameGivenInTheVariableAndTheTraceAndGoesOn() {
        ApplicationResult result = hello.execute(call, FakeCall.arguments("World"));

        assertThat(result).isEqualTo(ApplicationResult.CONTINUE);
        assertThat(call.variables).containsEntry("HELLO", "Hello, World!");
        assertThat(call.trace).containsExactly("Hello, World!");
    }

    @Test
    void withoutANameGreetsTheCallerByNameThenByNumber() {
        call.callerId = new CallerId("201", "");
        hello.execute(call, FakeCall.arguments());
        assertThat(call.variables).containsEntry("HELLO", "Hello, 201!");

        call.callerId = new CallerId("201", "Alice");
        hello.execute(call, FakeCall.arguments(""));
        assertThat(call.variables).containsEntry("HELLO", "Hello, Alice!");
    }

    @Test
    void withoutANameOrCallerIdGreetsAStranger() {
        hello.execute(call, FakeCall.arguments("  "));

        assertThat(call.variables).containsEntry("HELLO", "Hello, stranger!");
    }
}
