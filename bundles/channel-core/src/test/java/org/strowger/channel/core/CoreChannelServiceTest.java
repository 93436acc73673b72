package org.strowger.channel.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.strowger.channel.ChannelTechnology;
import org.strowger.channel.TechnologyInfo;

class CoreChannelServiceTest {

    private final CoreChannelService service = new CoreChannelService("9.9.9", new StartupReport(60_000), true);

    @AfterEach
    void stop() {
        service.deactivate();
    }

    @Test
    void reportsTheVersionItWasBuiltAs() {
        assertThat(service.platformVersion()).isEqualTo("9.9.9");
    }

    @Test
    void tracksTechnologiesAsTheyComeAndGo() {
        ChannelTechnology sip = () -> "SIP driver";
        ServiceReference<ChannelTechnology> sipRef = reference(Map.of(ChannelTechnology.TECHNOLOGY_PROPERTY, "SIP"));

        service.addTechnologyForTest(sip, sipRef);

        assertThat(service.technologies()).extracting(TechnologyInfo::description).containsExactly("SIP driver");
        assertThat(service.technology("sip")).isPresent();

        service.unregisterTechnology(sipRef);

        assertThat(service.technologies()).isEmpty();
        assertThat(service.technology("SIP")).isEmpty();
    }

    @Test
    void ignoresARegistrationWithoutATechnologyName() {
        service.addTechnologyForTest(() -> "nameless", reference(Map.of()));

        assertThat(service.technologies()).isEmpty();
    }

    @Test
    void ignoresARegistrationWhoseNameCannotAppearInAChannelName() {
        ServiceReference<ChannelTechnology> bad = reference(Map.of(ChannelTechnology.TECHNOLOGY_PROPERTY, "SI P/x"));
        service.addTechnologyForTest(() -> "bad", bad);
        service.unregisterTechnology(bad);

        assertThat(service.technologies()).isEmpty();
    }

    @Test
    void aTechnologyThatFailsToDescribeItselfIsStillServed() {
        ChannelTechnology broken = () -> {
            throw new IllegalStateException("boom");
        };
        service.addTechnologyForTest(broken, reference(Map.of(ChannelTechnology.TECHNOLOGY_PROPERTY, "Broken")));

        assertThat(service.technology("Broken")).get().extracting(TechnologyInfo::description).isEqualTo("");
    }

    @Test
    void unknownOrInvalidNamesFindNothing() {
        assertThat(service.technology("Nope")).isEmpty();
        assertThat(service.technology("")).isEmpty();
        assertThat(service.technology(null)).isEmpty();
    }

    /** A service reference as the framework would hand it, for a service of no particular bundle. */
    @SuppressWarnings("unchecked")
    private static ServiceReference<ChannelTechnology> reference(Map<String, Object> properties) {
        return (ServiceReference<ChannelTechnology>) java.lang.reflect.Proxy.newProxyInstance(
                CoreChannelServiceTest.class.getClassLoader(), new Class<?>[] {ServiceReference.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> properties.get((String) args[0]);
                    case "getBundle" -> (Bundle) null;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
