package org.strowger.sip.internal.rtp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One IO thread: a selector over many sessions' sockets. It reads every datagram into one
 * buffer it owns and hands it to the session with a reused header view, so the receive path
 * allocates nothing but what the session delivers. Other threads reach it only through
 * {@link #execute}, which queues the task and wakes the selector.
 */
final class RtpIoLoop implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(RtpIoLoop.class);

    /** Larger than any RTP packet we accept; a datagram that fills it was truncated. */
    static final int RECEIVE_BUFFER = 2048;
    /** Datagrams read from one socket before serving the others, so one busy peer cannot starve them. */
    private static final int READS_PER_TURN = 16;
    private static final long JOIN_MILLIS = 2000;

    private final Selector selector;
    private final Thread thread;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final byte[] receiveArray = new byte[RECEIVE_BUFFER];
    private final ByteBuffer receiveBuffer = ByteBuffer.wrap(receiveArray);
    private final RtpHeaderView header = new RtpHeaderView();
    private volatile boolean running = true;

    RtpIoLoop(String threadName) throws IOException {
        this.selector = Selector.open();
        this.thread = new Thread(this, threadName);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Runs a task on this loop's thread, soon. */
    void execute(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    void register(DatagramChannel channel, RtpSession session) {
        execute(() -> {
            try {
                channel.register(selector, SelectionKey.OP_READ, session);
            } catch (ClosedChannelException closedMeanwhile) {
                // the session was closed before it got here: nothing to read
            }
        });
    }

    /** Lets the selector drop the keys of closed channels now, which finally frees their ports. */
    void wakeup() {
        selector.wakeup();
    }

    boolean isLoopThread() {
        return Thread.currentThread() == thread;
    }

    @Override
    public void run() {
        LOG.debug("RTP IO thread {} started", thread.getName());
        try {
            while (running) {
                selector.select();
                runTasks();
                Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
                while (ready.hasNext()) {
                    SelectionKey key = ready.next();
                    ready.remove();
                    if (key.isValid() && key.isReadable()) {
                        drain(key);
                    }
                }
            }
        } catch (IOException | ClosedSelectorException e) {
            if (running) {
                LOG.error("RTP IO thread {} stopped: its selector failed", thread.getName(), e);
            }
        }
        LOG.debug("RTP IO thread {} ended", thread.getName());
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("RTP IO task failed", e);
            }
        }
    }

    private void drain(SelectionKey key) {
        DatagramChannel channel = (DatagramChannel) key.channel();
        RtpSession session = (RtpSession) key.attachment();
        for (int i = 0; i < READS_PER_TURN; i++) {
            receiveBuffer.clear();
            SocketAddress source;
            try {
                source = channel.receive(receiveBuffer);
            } catch (IOException e) {
                LOG.debug("RTP receive on {} failed: {}", session.describe(), e.toString());
                return;
            }
            if (source == null) {
                return;
            }
            int length = receiveBuffer.position();
            try {
                if (length >= RECEIVE_BUFFER) {
                    session.dropOversized();
                } else {
                    session.onDatagram(receiveArray, length, (InetSocketAddress) source, header);
                }
            } catch (RuntimeException e) {
                LOG.warn("RTP packet handling failed on {}", session.describe(), e);
            }
        }
    }

    /** Stops the thread and closes the selector, which releases every socket still registered. */
    void shutdown() {
        running = false;
        selector.wakeup();
        if (!isLoopThread()) {
            try {
                thread.join(JOIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            selector.close();
        } catch (IOException e) {
            LOG.debug("closing an RTP selector failed", e);
        }
    }
}
