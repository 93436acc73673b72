#!/usr/bin/env python3
"""SIP load benchmark: sipp UAC (load trunk) -> 9000 -> sipp UAS (load sink), bridged by Strowger.

Run through benchmarks/sip.sh, which builds and unpacks the distribution. Two measurements:

  rates   10 s bridged calls at rising call rates; a level is clean when no call failed, no
          message was retransmitted (either sipp) and the mean setup time (INVITE to 200 at the
          caller) is under 100 ms.
  rtp     rising numbers of concurrent bridged calls with G.711 RTP on both legs; loss is counted
          on the platform's own RTP sockets (sequence gaps, `sip:media`).

At each level it prints the platform's CPU, heap, threads and file descriptors, and their growth
per call over the idle baseline.
"""
import argparse
import csv
import math
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCENARIOS = HERE / "sipp"
TICKS = os.sysconf("SC_CLK_TCK")


def log(*parts):
    print(*parts, file=sys.stderr, flush=True)


class Platform:
    """An unpacked Strowger installation started with bin/start and configured for load."""

    def __init__(self, root, sip_port, gen_port, sink_port, rtp_min, rtp_max, rtp_threads=1):
        self.rtp_threads = rtp_threads
        self.root = Path(root)
        self.sip_port, self.gen_port, self.sink_port = sip_port, gen_port, sink_port
        self.rtp_min, self.rtp_max = rtp_min, rtp_max
        self.pid = None

    def configure(self):
        etc = self.root / "etc"
        sip = (etc / "org.strowger.sip.cfg").read_text()
        sip = re.sub(r"(?m)^port = .*$", f"port = {self.sip_port}", sip)
        sip = re.sub(r"(?m)^rtpPortMin = .*$", f"rtpPortMin = {self.rtp_min}", sip)
        sip = re.sub(r"(?m)^rtpPortMax = .*$", f"rtpPortMax = {self.rtp_max}", sip)
        sip = re.sub(r"(?m)^rtpIoThreads = .*$", f"rtpIoThreads = {self.rtp_threads}", sip)
        (etc / "org.strowger.sip.cfg").write_text(sip)
        for name, port in (("loadgen", self.gen_port), ("loadsink", self.sink_port)):
            path = etc / f"org.strowger.sip.endpoint-{name}.cfg"
            path.write_text(re.sub(r"(?m)^host = .*$", f"host = 127.0.0.1:{port}", path.read_text()))
        pbx = etc / "org.strowger.pbx.cfg"
        text = pbx.read_text()
        text = re.sub(r"(?m)^maxCalls = .*$", "maxCalls = 20000", text) if "maxCalls" in text \
            else text + "\nmaxCalls = 20000\n"
        pbx.write_text(text)
        # benchmark runs log calls at INFO otherwise; keep the log quiet
        logcfg = etc / "org.ops4j.pax.logging.cfg"
        if logcfg.exists() and "org.strowger.bench" not in logcfg.read_text():
            with logcfg.open("a") as out:
                out.write("\n# benchmarks/sip.sh\nlog4j2.logger.strowgerbench.name = org.strowger\n"
                          "log4j2.logger.strowgerbench.level = WARN\n"
                          "log4j2.logger.strowgerbench2.name = org.strowger.bench\n"
                          "log4j2.logger.strowgerbench2.level = INFO\n")

    def start(self):
        subprocess.run([str(self.root / "bin/start")], check=True)
        out = subprocess.run([str(self.root / "bin/strowger"), "-w", "180", "sip:endpoints"], capture_output=True,
                             text=True)
        if "listening on" not in out.stdout:
            raise SystemExit("Strowger's SIP driver did not come up: " + out.stdout + out.stderr
                             + "; see " + str(self.root / "data/log/karaf.log"))
        self.pid = self.find_pid()
        time.sleep(3)

    def find_pid(self):
        out = subprocess.run(["pgrep", "-f", f"karaf.home={self.root}"], capture_output=True, text=True).stdout.split()
        if not out:
            raise SystemExit("cannot find the platform's process")
        return int(out[0])

    def stop(self):
        subprocess.run([str(self.root / "bin/stop")], capture_output=True)
        for _ in range(60):
            if self.pid is None or not Path(f"/proc/{self.pid}").exists():
                return
            time.sleep(1)
        os.kill(self.pid, signal.SIGKILL)

    def console(self, command):
        return subprocess.run([str(self.root / "bin/strowger"), command], capture_output=True, text=True).stdout

    def cpu_seconds(self):
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICKS

    def threads(self):
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("Threads:"):
                return int(line.split()[1])
        return -1

    def fds(self):
        return len(os.listdir(f"/proc/{self.pid}/fd"))

    def heap_used_kib(self, collect=True):
        if collect:
            subprocess.run(["jcmd", str(self.pid), "GC.run"], capture_output=True)
        out = subprocess.run(["jcmd", str(self.pid), "GC.heap_info"], capture_output=True, text=True).stdout
        match = re.search(r"total \d+K, used (\d+)K", out)
        return int(match.group(1)) if match else -1

    def udp_drops(self):
        """Datagrams the kernel dropped at the platform's open UDP sockets (full receive buffers)."""
        inodes = set()
        for fd in os.listdir(f"/proc/{self.pid}/fd"):
            try:
                target = os.readlink(f"/proc/{self.pid}/fd/{fd}")
            except OSError:
                continue
            if target.startswith("socket:["):
                inodes.add(target[8:-1])
        drops = 0
        for table in ("/proc/net/udp", "/proc/net/udp6"):
            try:
                lines = Path(table).read_text().splitlines()[1:]
            except OSError:
                continue
            for line in lines:
                fields = line.split()
                if len(fields) >= 13 and fields[9] in inodes:
                    drops += int(fields[12])
        return drops

    def media(self):
        out = self.console("sip:media")
        numbers = dict(re.findall(r"(in|out|lost|late/duplicate|bad): (\d+)", out))
        return {key: int(value) for key, value in numbers.items()}

    def sample(self):
        return {"threads": self.threads(), "fds": self.fds(), "heap": self.heap_used_kib()}


class Sipp:
    """One sipp process with its statistics file."""

    def __init__(self, name, args, workdir):
        self.stats = workdir / f"{name}.csv"
        self.out = workdir / f"{name}.out"
        self.errors = workdir / f"{name}.errors"
        for path in (self.stats, self.out, self.errors):
            if path.exists():
                path.unlink()
        command = ["sipp"] + args + ["-nostdin", "-trace_stat", "-stf", str(self.stats), "-fd", "1",
                                     "-trace_err", "-error_file", str(self.errors)]
        self.process = subprocess.Popen(command, stdout=self.out.open("w"), stderr=subprocess.STDOUT, cwd=workdir)

    def wait(self, timeout):
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.send_signal(signal.SIGUSR1)  # sipp: stop gracefully
            try:
                return self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                return self.process.wait()

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGUSR1)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()

    def last(self):
        """The newest statistics row, as a dict (cumulative columns end in '(C)')."""
        if not self.stats.exists():
            return {}
        rows = list(csv.reader(self.stats.open(), delimiter=";"))
        if len(rows) < 2:
            return {}
        return dict(zip(rows[0], rows[-1]))


def process_cpu_seconds(pid):
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICKS
    except OSError:
        return 0.0


def number(row, column):
    try:
        return int(float(row.get(column, "0") or 0))
    except ValueError:
        return 0


def millis(text):
    """sipp times look like 00:00:00:012345 (h:m:s:microseconds)."""
    parts = (text or "0:0:0:0").split(":")
    if len(parts) != 4:
        return float("nan")
    h, m, s, us = (int(p) for p in parts)
    return ((h * 60 + m) * 60 + s) * 1000 + us / 1000


def sipp_common(args):
    return ["-i", "127.0.0.1", "-max_socket", "60000"]


def run_level(platform, args, workdir, calls, rate, call_ms, rtp):
    """Runs one level: returns the measured figures."""
    base = platform.sample()
    media_before = platform.media() if rtp else {}
    uas_file = SCENARIOS / ("load-uas-rtp.xml" if rtp else "load-uas.xml")
    uac_file = SCENARIOS / "load-uac.xml"
    if rtp:
        text = (SCENARIOS / "load-uac-rtp.xml").read_text()
        block = re.search(r"  <!-- RTP-LOOP.*?-->\n(.*?)  <!-- /RTP-LOOP -->\n", text, re.S)
        loops = max(1, math.ceil(call_ms / 7100))
        uac_file = workdir / "load-uac-rtp-generated.xml"
        uac_file.write_text(text.replace(block.group(0), block.group(1) * loops))
    uas = Sipp("uas", ["-sf", str(uas_file), "-p", str(args.sink_port), "-mp", str(args.sink_media_port)]
               + sipp_common(args) + (["-rtp_threadtasks", "50"] if rtp else []), workdir)
    time.sleep(1)
    uac_args = ["-sf", str(uac_file), "-s", "9000", f"127.0.0.1:{args.sip_port}", "-p", str(args.gen_port),
                "-mp", str(args.gen_media_port), "-r", str(rate), "-m", str(calls), "-l", str(calls)] \
        + sipp_common(args) + (["-rtp_threadtasks", "50"] if rtp else ["-d", str(call_ms)])
    cpu0, t0 = platform.cpu_seconds(), time.time()
    uac = Sipp("uac", uac_args, workdir)
    sipp0 = process_cpu_seconds(uac.process.pid) + process_cpu_seconds(uas.process.pid)
    ramp = calls / rate
    # the plateau: every call placed and none ended yet (calls last call_ms)
    plateau_at = min(ramp, call_ms / 1000) + 1
    time.sleep(max(1, plateau_at))
    concurrent = number(uac.last(), "CurrentCall")
    cpu1, t1 = platform.cpu_seconds(), time.time()
    sipp1 = process_cpu_seconds(uac.process.pid) + process_cpu_seconds(uas.process.pid)
    peak = {"threads": platform.threads(), "fds": platform.fds(), "heap": platform.heap_used_kib()}
    if rtp:
        # kernel drops at our sockets, read while the calls (and their sockets) are still up
        time.sleep(max(0, call_ms / 1000 * 0.8 - (time.time() - t0)))
        kernel_drops = platform.udp_drops()
    rc = uac.wait(timeout=ramp + call_ms / 1000 + 60)
    time.sleep(2)
    uas.stop()
    caller, callee = uac.last(), uas.last()
    result = {
        "rate": rate, "calls": calls, "concurrent": concurrent, "exit": rc,
        "ok": number(caller, "SuccessfulCall(C)"), "failed": number(caller, "FailedCall(C)"),
        "retrans": number(caller, "Retransmissions(C)") + number(callee, "Retransmissions(C)"),
        "setup_ms": millis(caller.get("ResponseTime1(C)")),
        "cpu": 100 * (cpu1 - cpu0) / max(0.001, t1 - t0),
        "sipp_cpu": 100 * (sipp1 - sipp0) / max(0.001, t1 - t0),
        "threads": peak["threads"], "fds": peak["fds"], "heap_mib": peak["heap"] / 1024,
        "per_call_kib": (peak["heap"] - base["heap"]) / max(1, concurrent),
        "fds_per_call": (peak["fds"] - base["fds"]) / max(1, concurrent),
        "threads_per_call": (peak["threads"] - base["threads"]) / max(1, concurrent),
    }
    if rtp:
        after = platform.media()
        received = after.get("in", 0) - media_before.get("in", 0)
        lost = after.get("lost", 0) - media_before.get("lost", 0)
        result["rtp_in"] = received
        result["rtp_lost"] = lost
        result["loss_pct"] = 100 * lost / max(1, received + lost)
        result["kernel_drops"] = kernel_drops
    return result


def print_rates_header():
    print(f"{'rate/s':>7} {'calls':>6} {'concur':>6} {'ok':>6} {'failed':>6} {'retrans':>7} {'setup ms':>8} "
          f"{'cpu %':>6} {'threads':>7} {'fds':>6} {'heap MiB':>8} {'KiB/call':>8} {'fd/call':>7} {'thr/call':>8}  verdict",
          flush=True)


def print_rates_row(r, clean):
    print(f"{r['rate']:>7} {r['calls']:>6} {r['concurrent']:>6} {r['ok']:>6} {r['failed']:>6} {r['retrans']:>7} "
          f"{r['setup_ms']:>8.1f} {r['cpu']:>6.0f} {r['threads']:>7} {r['fds']:>6} {r['heap_mib']:>8.1f} "
          f"{r['per_call_kib']:>8.1f} {r['fds_per_call']:>7.2f} {r['threads_per_call']:>8.3f}  "
          f"{'clean' if clean else 'NOT clean'}", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", required=True, help="unpacked Strowger installation")
    parser.add_argument("--mode", choices=["rates", "rtp", "all"], default="all")
    parser.add_argument("--rates", default="50,100,200,300,400,500")
    parser.add_argument("--call-seconds", type=float, default=10)
    parser.add_argument("--level-seconds", type=float, default=20, help="how long each rate level places calls")
    parser.add_argument("--rtp-calls", default="100,200,400,600")
    parser.add_argument("--rtp-seconds", type=float, default=30)
    parser.add_argument("--sip-port", type=int, default=5060)
    parser.add_argument("--gen-port", type=int, default=5061)
    parser.add_argument("--sink-port", type=int, default=5070)
    parser.add_argument("--gen-media-port", type=int, default=46000)
    parser.add_argument("--sink-media-port", type=int, default=47000)
    parser.add_argument("--rtp-min", type=int, default=10000)
    parser.add_argument("--rtp-max", type=int, default=40000)
    parser.add_argument("--rtp-io-threads", type=int, default=1, help="the platform's rtpIoThreads")
    args = parser.parse_args()
    if shutil.which("sipp") is None:
        raise SystemExit("sipp is missing: apt-get install sip-tester")
    workdir = Path(args.root) / "bench"
    workdir.mkdir(exist_ok=True)
    platform = Platform(args.root, args.sip_port, args.gen_port, args.sink_port, args.rtp_min, args.rtp_max,
                        args.rtp_io_threads)
    platform.configure()
    platform.start()
    try:
        idle = platform.sample()
        print(f"# idle platform: {idle['threads']} threads, {idle['fds']} fds, {idle['heap'] / 1024:.1f} MiB heap "
              f"after GC; load average {os.getloadavg()[0]:.1f}", flush=True)
        if args.mode in ("rates", "all"):
            print(f"# {args.call_seconds:.0f} s bridged calls, {args.level_seconds:.0f} s of calls per level", flush=True)
            print_rates_header()
            best = None
            for rate in [int(x) for x in args.rates.split(",")]:
                r = run_level(platform, args, workdir, int(rate * args.level_seconds), rate,
                              int(args.call_seconds * 1000), rtp=False)
                clean = r["failed"] == 0 and r["retrans"] == 0 and r["setup_ms"] < 100 and r["ok"] == r["calls"]
                print_rates_row(r, clean)
                if clean:
                    best = rate
                time.sleep(args.call_seconds + 3)
            print(f"# highest clean rate of {args.call_seconds:.0f} s bridged calls: {best} calls/s", flush=True)
        if args.mode in ("rtp", "all"):
            print(f"# concurrent bridged calls with G.711 RTP both ways, {args.rtp_seconds:.0f} s each", flush=True)
            print(f"{'calls':>6} {'concur':>6} {'failed':>6} {'rtp in':>9} {'lost':>6} {'loss %':>7} {'k-drops':>7} {'cpu %':>6} {'sipp %':>6} "
                  f"{'threads':>7} {'fds':>6} {'heap MiB':>8} {'KiB/call':>8} {'fd/call':>7} {'thr/call':>8}", flush=True)
            best = None
            for calls in [int(x) for x in args.rtp_calls.split(",")]:
                r = run_level(platform, args, workdir, calls, min(100, calls), int(args.rtp_seconds * 1000), rtp=True)
                print(f"{calls:>6} {r['concurrent']:>6} {r['failed']:>6} {r['rtp_in']:>9} {r['rtp_lost']:>6} "
                      f"{r['loss_pct']:>7.3f} {r['kernel_drops']:>7} {r['cpu']:>6.0f} {r['sipp_cpu']:>6.0f} {r['threads']:>7} {r['fds']:>6} {r['heap_mib']:>8.1f} "
                      f"{r['per_call_kib']:>8.1f} {r['fds_per_call']:>7.2f} {r['threads_per_call']:>8.3f}", flush=True)
                if r["failed"] == 0 and r["loss_pct"] < 0.1 and r["concurrent"] >= calls * 0.95:
                    best = calls
                time.sleep(5)
            print(f"# most concurrent RTP calls under 0.1 % loss: {best}", flush=True)
    finally:
        platform.stop()


if __name__ == "__main__":
    main()
