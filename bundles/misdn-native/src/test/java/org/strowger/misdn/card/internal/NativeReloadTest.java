package org.strowger.misdn.card.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The library loaded by a class loader that has since been dropped (the bundle refreshed, or a
 * framework restarted in the same JVM) loads again in a new class loader: the JVM frees it only
 * when the old loader is collected, so loading waits for that instead of failing.
 *
 * <p>It runs in a JVM of its own: in the test JVM other tests have loaded the library in the
 * application class loader, which is never collected.
 */
class NativeReloadTest {

    @Test
    void aSecondLoaderLoadsTheLibraryOnceTheFirstIsGone() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Djava.library.path=" + System.getProperty("java.library.path"), TwoLoaders.class.getName())
                .redirectErrorStream(true).start();
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!ended) {
            process.destroyForcibly();
        }
        assertThat(ended).as("the JVM ended: " + output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("loaded in the second loader");
    }

    /** Loads the library in one loader of this module's classes, drops it, loads it in another. */
    public static final class TwoLoaders {

        public static void main(String[] arguments) throws Exception {
            URLClassLoader first = freshLoader();
            loadIn(first);
            first.close();
            first = null; // garbage now, but not collected yet

            URLClassLoader second = freshLoader();
            loadIn(second);
            Class<?> type = Class.forName(Native.class.getName(), false, second);
            java.lang.reflect.Field loaded = type.getDeclaredField("loaded");
            loaded.setAccessible(true);
            System.out.println(loaded.getBoolean(null) ? "loaded in the second loader" : "not loaded");
            second.close();
        }

        private static URLClassLoader freshLoader() throws Exception {
            URL classes = Path.of(Native.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toUri()
                    .toURL();
            return new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader());
        }

        private static void loadIn(ClassLoader loader) throws Exception {
            Class<?> type = Class.forName(Native.class.getName(), true, loader);
            Method load = type.getDeclaredMethod("load");
            load.setAccessible(true);
            load.invoke(null);
        }
    }
}
