package org.strowger.channel.core.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.strowger.channel.lock.LockOrderViolationException;
import org.strowger.channel.lock.LockRank;

class LockOrderValidatorTest {

    private final LockOrderValidator strict = new LockOrderValidator(true);

    @Test
    void takingAChannelLockWhileHoldingAPvtLockIsAnInversion() {
        RankedLock pvt = strict.newLock("PVT:SIP", LockRank.PVT);
        RankedLock channel = strict.newLock("CHANNEL", LockRank.CHANNEL);

        pvt.lock();
        try {
            assertThatThrownBy(channel::lock)
                    .isInstanceOf(LockOrderViolationException.class)
                    .hasMessageContaining("lock order inversion: taking CHANNEL (rank CHANNEL) while holding PVT:SIP")
                    .hasMessageContaining(getClass().getSimpleName());
            assertThat(channel.isHeldByCurrentThread()).isFalse();
        } finally {
            pvt.unlock();
        }
        assertThat(strict.statistics().violations()).isEqualTo(1);
    }

    @Test
    void theDocumentedOrderPasses() {
        RankedLock container = strict.newLock("CONTAINER", LockRank.CONTAINER);
        RankedLock bridge = strict.newLock("BRIDGE", LockRank.BRIDGE);
        RankedLock channel = strict.newLock("CHANNEL", LockRank.CHANNEL);
        RankedLock pvt = strict.newLock("PVT:SIP", LockRank.PVT);

        container.lock();
        bridge.lock();
        channel.lock();
        pvt.lock();
        pvt.unlock();
        channel.unlock();
        bridge.unlock();
        container.unlock();

        assertThat(strict.statistics().violations()).isZero();
        assertThat(strict.statistics().orderEdges()).isEqualTo(6);
    }

    @Test
    void twoChannelLocksNestedByHandAreRefusedButTheLockBothHelperIsAllowed() {
        RankedLock a = strict.newLock("CHANNEL", LockRank.CHANNEL);
        RankedLock b = strict.newLock("CHANNEL", LockRank.CHANNEL);

        a.lock();
        try {
            assertThatThrownBy(b::lock).isInstanceOf(LockOrderViolationException.class)
                    .hasMessageContaining("two CHANNEL locks nested without the core's lock-both helper");
        } finally {
            a.unlock();
        }

        LockPair.lockBoth(b, a);
        assertThat(a.isHeldByCurrentThread()).isTrue();
        assertThat(b.isHeldByCurrentThread()).isTrue();
        LockPair.unlockBoth(b, a);
        assertThat(a.isHeldByCurrentThread() || b.isHeldByCurrentThread()).isFalse();
    }

    @Test
    void reentrantAcquisitionIsNotAViolation() {
        RankedLock channel = strict.newLock("CHANNEL", LockRank.CHANNEL);
        RankedLock pvt = strict.newLock("PVT:SIP", LockRank.PVT);

        channel.lock();
        pvt.lock();
        channel.lock();
        channel.unlock();
        pvt.unlock();
        channel.unlock();

        assertThat(strict.statistics().violations()).isZero();
    }

    @Test
    void aCycleBetweenLockClassesIsFoundEvenWhenTheThreadsNeverMeet() throws Exception {
        RankedLock sip = strict.newLock("PVT:SIP", LockRank.PVT);
        RankedLock isdn = strict.newLock("PVT:mISDN", LockRank.PVT);

        Thread first = new Thread(() -> {
            sip.lock();
            isdn.lock();
            isdn.unlock();
            sip.unlock();
        });
        first.start();
        first.join();

        // a second thread, long after the first, takes them the other way round: no deadlock happened
        Throwable[] thrown = new Throwable[1];
        Thread second = new Thread(() -> {
            isdn.lock();
            try {
                sip.lock();
                sip.unlock();
            } catch (Throwable t) {
                thrown[0] = t;
            } finally {
                isdn.unlock();
            }
        });
        second.start();
        second.join();

        assertThat(thrown[0]).isInstanceOf(LockOrderViolationException.class)
                .hasMessageContaining("lock order cycle: PVT:SIP is now taken while holding PVT:mISDN")
                .hasMessageContaining("PVT:SIP -> PVT:mISDN");
        assertThat(thrown[0].getCause()).as("the earlier acquisition's stack").isNotNull();
    }

    @Test
    void productionModeLogsAndCountsButLetsTheLockBeTaken() {
        LockOrderValidator logging = new LockOrderValidator(false);
        RankedLock pvt = logging.newLock("PVT:SIP", LockRank.PVT);
        RankedLock channel = logging.newLock("CHANNEL", LockRank.CHANNEL);

        pvt.lock();
        channel.lock();
        assertThat(channel.isHeldByCurrentThread()).isTrue();
        channel.unlock();
        pvt.unlock();

        assertThat(logging.statistics().violations()).isEqualTo(1);
        assertThat(logging.statistics().strict()).isFalse();
    }

    @Test
    void heldChannelOrPvtLockNamesWhereItWasTaken() {
        RankedLock pvt = strict.newLock("PVT:SIP", LockRank.PVT);
        assertThat(strict.heldChannelOrPvtLock()).isEmpty();

        pvt.lock();
        try {
            HeldLock held = strict.heldChannelOrPvtLock().orElseThrow();
            assertThat(held.lock()).isSameAs(pvt);
            assertThat(held.describeSite()).contains("LockOrderValidatorTest.heldChannelOrPvtLockNamesWhereItWasTaken");
        } finally {
            pvt.unlock();
        }
        assertThat(strict.heldChannelOrPvtLock()).isEmpty();
    }

    @Test
    void aLockClassKeepsItsRank() {
        strict.newLock("CHANNEL", LockRank.CHANNEL);

        assertThatThrownBy(() -> strict.newLock("CHANNEL", LockRank.PVT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anExternalLockInProductionModeRecordsItsCallerAndCanBeTakenByAnotherThreadAfterwards() throws Exception {
        LockOrderValidator logging = new LockOrderValidator(false);
        RankedLock pvt = logging.newLock("PVT:SIP", LockRank.PVT);

        pvt.lock();
        assertThat(logging.heldChannelOrPvtLock().orElseThrow().describeSite())
                .contains("LockOrderValidatorTest.anExternalLockInProductionModeRecords");
        pvt.unlock();

        boolean[] taken = new boolean[1];
        Thread other = new Thread(() -> {
            taken[0] = pvt.tryLock();
            if (taken[0]) {
                pvt.unlock();
            }
        });
        other.start();
        other.join();
        assertThat(taken[0]).isTrue();
    }
}
