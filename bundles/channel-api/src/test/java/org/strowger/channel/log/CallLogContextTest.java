package org.strowger.channel.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class CallLogContextTest {

    /** slf4j-simple's MDC (slf4j 1.7) ignores puts; pax-logging in the container keeps them. */
    @BeforeAll
    static void workingMdc() throws ReflectiveOperationException {
        java.lang.reflect.Field adapter = MDC.class.getDeclaredField("mdcAdapter");
        adapter.setAccessible(true);
        if (adapter.get(null) instanceof org.slf4j.helpers.NOPMDCAdapter) {
            adapter.set(null, new org.slf4j.helpers.BasicMDCAdapter());
        }
    }

    @AfterEach
    void clean() {
        MDC.remove(CallLogContext.KEY);
    }

    @Test
    void aScopeNamesTheChannelAndRemovesTheNameWhenItCloses() {
        try (CallLogContext scope = CallLogContext.enter("SIP/alice-00000001")) {
            assertThat(MDC.get("channel")).isEqualTo("SIP/alice-00000001");
        }
        assertThat(MDC.get("channel")).isNull();
    }

    @Test
    void nestedScopesGiveBackTheOuterName() {
        try (CallLogContext outer = CallLogContext.enter("SIP/alice-00000001")) {
            try (CallLogContext inner = CallLogContext.enter("mISDN/1-00000002")) {
                assertThat(CallLogContext.current()).isEqualTo("mISDN/1-00000002");
            }
            assertThat(CallLogContext.current()).isEqualTo("SIP/alice-00000001");
        }
        assertThat(CallLogContext.current()).isNull();
    }

    @Test
    void noNameAndNoLinkChangeNothing() {
        try (CallLogContext outer = CallLogContext.enter("SIP/alice-00000001")) {
            try (CallLogContext none = CallLogContext.enter((String) null);
                    CallLogContext empty = CallLogContext.enter("");
                    CallLogContext noLink = CallLogContext.enter((org.strowger.channel.ChannelLink) null)) {
                assertThat(CallLogContext.current()).isEqualTo("SIP/alice-00000001");
            }
            assertThat(CallLogContext.current()).isEqualTo("SIP/alice-00000001");
        }
    }

    @Test
    void aRenameInsideAScopeIsUndoneWhenTheScopeCloses() {
        try (CallLogContext scope = CallLogContext.enter("Local/100@internal-0001;1")) {
            CallLogContext.rename("SIP/bob-00000003");
            assertThat(CallLogContext.current()).isEqualTo("SIP/bob-00000003");
        }
        assertThat(CallLogContext.current()).isNull();
    }

    @Test
    void aLineAboutAChannelIsLoggedWithItsNameAndTheContextIsGivenBack() {
        java.util.List<String> seen = new java.util.ArrayList<>();
        org.slf4j.Logger log = (org.slf4j.Logger) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {org.slf4j.Logger.class}, (proxy, method, arguments) -> {
                    seen.add(method.getName() + " " + MDC.get("channel") + " " + arguments[0]);
                    return null;
                });
        org.strowger.channel.Channel bob = (org.strowger.channel.Channel) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {org.strowger.channel.Channel.class},
                (proxy, method, arguments) -> method.getName().equals("name") ? "SIP/bob-00000002" : null);

        try (CallLogContext outer = CallLogContext.enter("SIP/alice-00000001")) {
            CallLogContext.info(log, bob, "transfer of {}", "alice");
            CallLogContext.warn(log, bob, "refused");
            assertThat(CallLogContext.current()).isEqualTo("SIP/alice-00000001");
        }
        CallLogContext.debug(log, bob, "later");

        assertThat(seen).containsExactly("info SIP/bob-00000002 transfer of {}", "warn SIP/bob-00000002 refused",
                "debug SIP/bob-00000002 later");
        assertThat(CallLogContext.current()).isNull();
    }
}
