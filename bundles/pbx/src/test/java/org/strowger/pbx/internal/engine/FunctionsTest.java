package org.strowger.pbx.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.strowger.pbx.internal.engine.PbxFixture.awaitHungUp;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.strowger.channel.Channel;

/** The built-in functions, each through a real call. */
class FunctionsTest {

    private PbxFixture pbx;

    @AfterEach
    void close() {
        pbx.close();
    }

    private Channel run(String steps) {
        pbx = new PbxFixture("[internal]\nexten => 100,1,NoOp()\n" + steps + " same => n,Hangup()\n");
        Channel call = pbx.call("alice", "100", "internal");
        awaitHungUp(call);
        return call;
    }

    @Test
    void stringFunctions() {
        Channel call = run("""
                 same => n,Set(DIGITS=${FILTER(0-9*#,1a2*b3#)})
                 same => n,Set(LENGTH=${LEN(hello world)})
                 same => n,Set(PARTS=a-b-c-d)
                 same => n,Set(SECOND=${CUT(PARTS,-,2)})
                 same => n,Set(MIDDLE=${CUT(PARTS,-,2-3)})
                 same => n,Set(UP=${TOUPPER(abc)}${TOLOWER(DEF)})
                 same => n,Set(EMPTY=${ISNULL(${NOPE})}${EXISTS(${NOPE})}${ISNULL(x)}${EXISTS(x)})
                """);

        assertThat(call.variable("DIGITS")).contains("12*3#");
        assertThat(call.variable("LENGTH")).contains("11");
        assertThat(call.variable("SECOND")).contains("b");
        assertThat(call.variable("MIDDLE")).contains("b-c");
        assertThat(call.variable("UP")).contains("ABCdef");
        assertThat(call.variable("EMPTY")).contains("1001");
    }

    @Test
    void conditionsAndRegularExpressions() {
        Channel call = run("""
                 same => n,Set(X=5)
                 same => n,Set(PICK=${IF($[${X} > 3]?big:small)})
                 same => n,Set(MATCH=${REGEX("^[0-9]+$" ${X})}${REGEX("^a" ${X})})
                """);

        assertThat(call.variable("PICK")).contains("big");
        assertThat(call.variable("MATCH")).contains("10");
    }

    @Test
    void callerIdGlobalsAndTimeoutsCanBeReadAndWritten() {
        Channel call = run("""
                 same => n,Set(CALLERID(name)=Alice Smith)
                 same => n,Set(WHO=${CALLERID(all)})
                 same => n,Set(GLOBAL(SEEN)=yes)
                 same => n,Set(G=${GLOBAL(SEEN)})
                 same => n,Set(TIMEOUT(digit)=2.5)
                 same => n,Set(T=${TIMEOUT(digit)})
                """);

        assertThat(call.variable("WHO")).contains("\"Alice Smith\" <alice>");
        assertThat(call.variable("G")).contains("yes");
        assertThat(pbx.globals.get("SEEN")).contains("yes");
        assertThat(call.variable("T")).contains("2.5");
    }

    @Test
    void anUnknownFunctionSendsTheCallToTheExceptionHandler() {
        pbx = new PbxFixture("""
                [internal]
                exten => 100,1,Set(X=${NOSUCHFUNC(1)})
                 same => n,Hangup()
                exten => e,1,Set(WHY=${EXCEPTION(reason)})
                 same => n,Hangup()
                """);
        Channel call = pbx.call("alice", "100", "internal");
        awaitHungUp(call);

        assertThat(call.variable("WHY")).contains("ERROR");
    }
}
