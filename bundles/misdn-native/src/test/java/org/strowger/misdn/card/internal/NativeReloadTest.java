package org.strowger.misdn.card.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The library loaded by a class loader that has since been dropped (the bundle refreshed, or a
 * framework restarted in the same JVM) loads again in a new class loader: the JVM frees it only
 * when the old loader is collected, so loading waits for that instead of failing.
 */
class NativeReloadTest {

    /** A loader of this module's classes alone, as a refreshed bundle would have. */
    private static URLClassLoader freshLoader() throws Exception {
        URL classes = Path.of(Native.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toUri().toURL();
        return new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader());
    }

    private static void loadIn(ClassLoader loader) throws Exception {
        Class<?> type = Class.forName(Native.class.getName(), true, loader);
        Method load = type.getDeclaredMethod("load");
        load.setAccessible(true);
        load.invoke(null);
    }

    @Test
    void aSecondLoaderLoadsTheLibraryOnceTheFirstIsGone() throws Exception {
        URLClassLoader first = freshLoader();
        loadIn(first);
        first.close();
        first = null; // the first loader is now garbage, but not collected yet

        URLClassLoader second = freshLoader();
        loadIn(second);

        Class<?> type = Class.forName(Native.class.getName(), false, second);
        java.lang.reflect.Field loaded = type.getDeclaredField("loaded");
        loaded.setAccessible(true);
        assertThat(loaded.getBoolean(null)).isTrue();
        second.close();
    }
}
