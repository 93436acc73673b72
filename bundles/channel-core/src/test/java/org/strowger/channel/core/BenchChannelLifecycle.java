package org.strowger.channel.core;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.strowger.channel.Channel;
import org.strowger.channel.HangupCause;
import org.strowger.channel.InboundCall;

/**
 * A channel's life without a call: create, then hang up, in ops/s (validator in production
 * mode). {@code requestHangup} goes through the dial-string path ({@code core.request("Bench/alice")},
 * as applications dial); {@code inboundHangup} through {@code createInbound}, as a driver reports
 * a call, which parses nothing: the difference is the cost of the dial string.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=error"})
@State(Scope.Benchmark)
public class BenchChannelLifecycle {

    CoreFixture fixture;
    final InboundCall call = BenchDriver.inboundCall("alice");

    @Setup(Level.Trial)
    public void makeCore() {
        fixture = BenchSupport.productionCore();
    }

    @TearDown(Level.Trial)
    public void checkCore(BenchmarkParams params) {
        BenchSupport.checkAfterRun(fixture, params.getBenchmark());
    }

    @Benchmark
    @Threads(1)
    public Channel requestHangup() {
        Channel channel = BenchDriver.request(fixture, "Bench/alice");
        fixture.core.hangup(channel, HangupCause.NORMAL_CLEARING);
        return channel;
    }

    @Benchmark
    @Threads(1)
    public Channel inboundHangup() {
        Channel channel = BenchDriver.inbound(fixture, call);
        fixture.core.hangup(channel, HangupCause.NORMAL_CLEARING);
        return channel;
    }
}
