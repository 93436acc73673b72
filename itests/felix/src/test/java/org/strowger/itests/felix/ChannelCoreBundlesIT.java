package org.strowger.itests.felix;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.util.Arrays;
import java.util.List;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.strowger.channel.ChannelService;

/** The channel API and core resolve, start and provide the channel service in plain Felix. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ChannelCoreBundlesIT {

    @Inject
    BundleContext context;

    @Inject
    ChannelService channels;

    @Configuration
    public Option[] configuration() {
        return options(FelixContainer.withChannelCore());
    }

    @Test
    public void everyStrowgerBundleIsActive() {
        List<Bundle> strowger = Arrays.stream(context.getBundles())
                .filter(bundle -> bundle.getSymbolicName().startsWith("strowger-"))
                .toList();

        assertEquals(List.of("strowger-channel-api", "strowger-channel-core"),
                strowger.stream().map(Bundle::getSymbolicName).sorted().toList());
        for (Bundle bundle : strowger) {
            assertEquals(bundle.getSymbolicName() + " state", Bundle.ACTIVE, bundle.getState());
        }
    }

    @Test
    public void channelServiceIsRegisteredByTheCoreBundle() {
        ServiceReference<ChannelService> reference = context.getServiceReference(ChannelService.class);

        assertEquals("strowger-channel-core", reference.getBundle().getSymbolicName());
        assertEquals(StrowgerArtifacts.version(), channels.platformVersion());
    }

    @Test
    public void apiExportsItsPackageWithAVersionAndCoreExportsNothing() {
        Bundle api = bundle("strowger-channel-api");
        Bundle core = bundle("strowger-channel-core");

        String apiExports = api.getHeaders().get("Export-Package");
        assertTrue(apiExports, apiExports.contains("org.strowger.channel;version=\"0.3.0\""));
        assertTrue(apiExports, apiExports.contains("org.strowger.channel.status;version=\"0.1.0\""));
        assertTrue(apiExports, apiExports.contains("org.strowger.channel.log;version=\"0.1.0\""));
        assertEquals(null, core.getHeaders().get("Export-Package"));
    }

    private Bundle bundle(String symbolicName) {
        return Arrays.stream(context.getBundles())
                .filter(bundle -> bundle.getSymbolicName().equals(symbolicName))
                .findFirst().orElseThrow(() -> new AssertionError(symbolicName + " is not installed"));
    }
}
