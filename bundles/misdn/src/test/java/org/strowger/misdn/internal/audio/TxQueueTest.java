package org.strowger.misdn.internal.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Backpressure: audio waits for the FIFO's room, and beyond the limit the oldest is dropped and counted. */
class TxQueueTest {

    private final List<byte[]> line = new ArrayList<>();
    private boolean full;

    private boolean send(byte[] bytes) {
        if (full) {
            return false;
        }
        line.add(bytes);
        return true;
    }

    @Test
    void sendsAtOnceWhileTheFifoTakesItAndWaitsForSentWhenFull() throws Exception {
        TxQueue queue = new TxQueue(1600);
        queue.sink(this::send);

        queue.offer(new byte[] {1});
        assertThat(line).hasSize(1);

        full = true;
        queue.offer(new byte[] {2});
        queue.offer(new byte[] {3});
        assertThat(line).hasSize(1);
        assertThat(queue.queuedBytes()).isEqualTo(2);

        full = false;
        queue.sent();
        assertThat(line).extracting(b -> b[0]).containsExactly((byte) 1, (byte) 2, (byte) 3);
        assertThat(queue.queuedBytes()).isZero();
    }

    @Test
    void beyondTheLimitTheOldestAudioIsDroppedAndCounted() throws Exception {
        TxQueue queue = new TxQueue(320);
        queue.sink(this::send);
        full = true;

        for (int i = 0; i < 5; i++) {
            queue.offer(new byte[160]);
        }

        assertThat(queue.queuedBytes()).isEqualTo(320);
        assertThat(queue.droppedBytes()).isEqualTo(480);
    }

    @Test
    void withoutAnOpenChannelNothingIsQueued() throws Exception {
        TxQueue queue = new TxQueue(1600);

        queue.offer(new byte[160]);

        assertThat(queue.queuedBytes()).isZero();
    }
}
