"""Time from launch to the first full frame under a pseudo-terminal, and peak
RSS, for a command line; medians of N runs. Used by benchmarks/run.sh.

    python3 startup.py RUNS COLS ROWS MARKER QUIT_KEYS -- COMMAND...

A frame is complete when MARKER (a text of its last-drawn part) has been
written to the terminal; then QUIT_KEYS are typed and the process is reaped.
The command runs under GNU time for its peak RSS; time's own start (a fork
and exec) is in every figure alike. Prints `median_ms peak_rss_kb`.

With SETTLE_UNTIL set (a shell command), the keys wait after the frame until
that command succeeds (polled every 0.2 s, for up to 120 s): to count the
work done after the first frame in the peak, e.g. until the store keeps the
post's outline."""
import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import time


def run_once(command, cols, rows, marker, quit_keys, env):
    # GNU time reports the peak RSS of the command alone (wait4 on a forked
    # Python would count the interpreter's pages too).
    rss_file = f"/tmp/awsml-startup-rss-{os.getpid()}"
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe("/usr/bin/time", ["/usr/bin/time", "-f", "%M", "-o", rss_file] + command, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    start = time.perf_counter()
    seen = b""
    elapsed = None
    deadline = start + 30
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
        if marker in seen:
            elapsed = time.perf_counter() - start
            break
    settle = env.get("SETTLE_UNTIL")
    if elapsed is not None and settle:
        settle_deadline = time.perf_counter() + 120
        while subprocess.run(settle, shell=True).returncode != 0:
            if time.perf_counter() > settle_deadline:
                raise SystemExit(f"{settle!r} did not succeed within 120 s")
            # Drain the screen meanwhile so the program never blocks writing.
            ready, _, _ = select.select([fd], [], [], 0.2)
            if ready:
                try:
                    os.read(fd, 65536)
                except OSError:
                    break
    os.write(fd, quit_keys)
    # Drain until the child is gone, then reap it with its resource usage.
    while True:
        try:
            ready, _, _ = select.select([fd], [], [], 0.2)
            if ready and not os.read(fd, 65536):
                break
        except OSError:
            break
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            break
    else:
        done = 0
    if not done:
        _, status, usage = os.wait4(pid, 0)
    os.close(fd)
    if elapsed is None:
        raise SystemExit(f"no frame with {marker!r} from {command}: {seen[-300:]!r}")
    with open(rss_file) as report:
        peak = int(report.read().split()[-1])
    os.unlink(rss_file)
    return elapsed, peak


def main():
    runs, cols, rows, marker, quit_keys = sys.argv[1:6]
    command = sys.argv[sys.argv.index("--") + 1:]
    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8")
    env.pop("LINES", None)
    env.pop("COLUMNS", None)
    times, peaks = [], []
    for _ in range(int(runs)):
        elapsed, peak = run_once(command, int(cols), int(rows), marker.encode(), quit_keys.encode().decode("unicode_escape").encode(), env)
        times.append(elapsed)
        peaks.append(peak)
    times.sort()
    peaks.sort()
    print(f"{times[len(times) // 2] * 1000:.2f} {peaks[len(peaks) // 2]}")


main()
