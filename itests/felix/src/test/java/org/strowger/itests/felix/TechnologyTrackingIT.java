package org.strowger.itests.felix;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import javax.inject.Inject;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.strowger.channel.ChannelService;
import org.strowger.channel.ChannelTechnology;

/** The core follows driver bundles as they start, stop and leave, through the service registry. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TechnologyTrackingIT {

    @Inject
    BundleContext context;

    @Inject
    ChannelService channels;

    private Bundle driver;

    @Configuration
    public Option[] configuration() {
        return options(FelixContainer.withChannelCore());
    }

    @Before
    public void installDriver() throws BundleException {
        driver = context.installBundle(FelixContainer.testTechnologyUrl());
    }

    @After
    public void removeDriver() throws BundleException {
        if (driver.getState() != Bundle.UNINSTALLED) {
            driver.uninstall();
        }
    }

    @Test
    public void aStartedDriverIsAvailableAtOnceAndGoneWhenStopped() throws Exception {
        assertTrue(channels.technology("Test").isEmpty());

        driver.start();
        Await.until("Test is registered", () -> channels.technology("Test").isPresent());
        assertEquals("strowger-test-technology", channels.technology("test").get().bundleSymbolicName());

        driver.stop();
        Await.until("Test is gone", () -> channels.technology("Test").isEmpty());

        driver.start();
        Await.until("Test is back", () -> channels.technology("Test").isPresent());

        driver.uninstall();
        Await.until("Test is gone for good", () -> channels.technology("Test").isEmpty());
    }

    @Test
    public void aRegistrationWithoutATechnologyNameIsIgnoredAndHarmsNothing() throws Exception {
        var registration = context.registerService(ChannelTechnology.class, () -> "nameless", null);
        try {
            assertTrue(channels.technologies().isEmpty());

            driver.start();
            Await.until("a named driver is still taken", () -> channels.technology("Test").isPresent());
            assertEquals(1, channels.technologies().size());
        } finally {
            registration.unregister();
        }
    }

    @Test
    public void aSecondDriverOfTheSameNameTakesOverWhenTheFirstLeaves() throws Exception {
        driver.start();
        Await.until("Test is registered", () -> channels.technology("Test").isPresent());
        var dictionary = new java.util.Hashtable<String, Object>();
        dictionary.put(ChannelTechnology.TECHNOLOGY_PROPERTY, "Test");
        var standby = context.registerService(ChannelTechnology.class, () -> "standby", dictionary);
        try {
            assertEquals("strowger-test-technology", channels.technology("Test").get().bundleSymbolicName());

            driver.stop();

            Await.until("the standby serves Test",
                    () -> channels.technology("Test").map(info -> info.description().equals("standby")).orElse(false));
        } finally {
            standby.unregister();
        }
        Await.until("Test is gone", () -> channels.technology("Test").isEmpty());
    }
}
