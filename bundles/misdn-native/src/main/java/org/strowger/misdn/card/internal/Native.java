package org.strowger.misdn.card.internal;

import org.strowger.misdn.card.MisdnUnavailableException;

/**
 * The JNI surface of {@code libstrowger-misdn-0.1.so}: stateless calls that return a value
 * {@code >= 0} or {@code -errno}. Native code never calls back into Java. Simulated sockets go
 * through the same calls as kernel ones; only opening differs ({@link #simOpen}).
 */
final class Native {

    static final String LIBRARY = "strowger-misdn-0.1";

    private static final Object LOCK = new Object();
    private static boolean loaded;
    private static String failure;

    private Native() {
    }

    /** Loads the library once; later calls repeat the first outcome. */
    static void load() throws MisdnUnavailableException {
        synchronized (LOCK) {
            if (!loaded && failure == null) {
                try {
                    loadOnceOldLoadersAreGone();
                    loaded = true;
                } catch (UnsatisfiedLinkError | SecurityException e) {
                    failure = "mISDN unavailable: cannot load native library " + LIBRARY + " ("
                            + System.getProperty("os.name") + "/" + System.getProperty("os.arch") + "): " + e.getMessage();
                }
            }
            if (!loaded) {
                throw new MisdnUnavailableException(failure);
            }
        }
    }

    /**
     * A JVM binds a native library to one class loader until that loader is collected. After a
     * refresh of this bundle (or a framework restarted in the same JVM, as the tests do) the old
     * loader is garbage but may not be collected yet, and loading fails with "already loaded in
     * another classloader": ask for a collection and try again, for at most about 2 s.
     */
    private static void loadOnceOldLoadersAreGone() {
        for (int attempt = 1; ; attempt++) {
            try {
                System.loadLibrary(LIBRARY);
                return;
            } catch (UnsatisfiedLinkError e) {
                String message = String.valueOf(e.getMessage());
                if (attempt >= 20 || !message.contains("already loaded in another classloader")) {
                    throw e;
                }
                System.gc();
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** socket(AF_ISDN, type, proto) in the kernel. */
    static native int open(int type, int proto);

    static native int bind(int fd, int dev, int channel, int sapi, int tei);

    /** ioctl with {@code arg} (at most 64 bytes, native byte order) copied in and back out. */
    static native int ioctl(int fd, int request, byte[] arg);

    /** Closes a kernel or simulated socket, or an eventfd. */
    static native int close(int fd);

    /**
     * Sends {@code len} bytes of {@code frame} (mISDNhead + payload); with an address
     * {@code {dev, channel}} when {@code channel >= 0}.
     */
    static native int send(int fd, byte[] frame, int len, int dev, int channel);

    /**
     * Reads one frame without blocking into {@code frame} (at least {@link MiAbi#FRAME_MAX} bytes):
     * [0..5] sockaddr_mISDN, [8..15] mISDNhead, [16..] payload. Returns the length, 0 when the
     * device is gone, or -errno (-EAGAIN when nothing is waiting).
     */
    static native int recv(int fd, byte[] frame);

    /**
     * poll() on {@code fds[0..n-1]} (POLLIN) and {@code wakeFd}; fills {@code revents[0..n]}
     * ({@code revents[n]} for the wake fd, whose counter it drains). Returns the count or -errno.
     */
    static native int poll(int[] fds, int n, int wakeFd, int timeoutMs, short[] revents);

    static native int eventFd();

    static native int wake(int eventFd);

    /** A simulated card, or -errno. */
    static native long simCreate(int pairs, boolean primaryRate, int tickMicros);

    static native int simOpen(long sim, int type, int proto);

    static native int simFault(long sim, int fault, int port, int a, int b);

    /** Stops the card's thread and frees it; sockets still open then read end of file. */
    static native void simDestroy(long sim);

    static native String strerror(int errno);
}
