"""Time from a key press to what it brings on screen, under a pseudo-terminal;
medians of N runs. Used by benchmarks/run.sh for the rows "`s` → first
question", "`t` → stats screen" and "Ctrl-C → exit" on big posts and stores.

    python3 keys_to_marker.py RUNS COLS ROWS READY KEYS DONE -- COMMAND...

The command starts; once READY (a text of its first full frame) has been
written, KEYS are typed (a Python string literal, so "\\x03" is Ctrl-C) and
the clock starts; it stops when DONE has been written after them (or, with
DONE "EXIT", when the process ends). Then "q" is typed twice and the process
reaped. Prints `median_ms` (`-1` when DONE never came within 120 s)."""
import ast
import os
import pty
import select
import signal
import struct
import fcntl
import sys
import termios
import time


def run_once(command, cols, rows, ready, keys, done):
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(command[0], command)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    seen = b""
    sent_at = None
    elapsed = None
    deadline = time.perf_counter() + 120
    while time.perf_counter() < deadline:
        ready_fds, _, _ = select.select([fd], [], [], 0.2)
        if not ready_fds:
            continue
        try:
            chunk = os.read(fd, 1 << 16)
        except OSError:
            chunk = b""
        if not chunk:
            if sent_at is not None and done == b"EXIT":
                elapsed = time.perf_counter() - sent_at
            break
        seen += chunk
        if sent_at is None and ready in seen:
            seen = b""
            sent_at = time.perf_counter()
            os.write(fd, keys)
        elif sent_at is not None and done != b"EXIT" and done in seen:
            elapsed = time.perf_counter() - sent_at
            break
    try:
        os.write(fd, b"\x1bqq")
    except OSError:
        pass
    end = time.perf_counter() + 10
    while time.perf_counter() < end:
        finished, _ = os.waitpid(pid, os.WNOHANG)
        if finished:
            break
        try:
            select.select([fd], [], [], 0.1)
            os.read(fd, 1 << 16)
        except OSError:
            pass
    else:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    os.close(fd)
    return elapsed


def main():
    split = sys.argv.index("--")
    runs, cols, rows = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    ready = sys.argv[4].encode()
    keys = ast.literal_eval('"' + sys.argv[5] + '"').encode()
    done = sys.argv[6].encode()
    command = sys.argv[split + 1:]
    times = [run_once(command, cols, rows, ready, keys, done) for _ in range(runs)]
    measured = sorted(t for t in times if t is not None)
    if len(measured) < len(times):
        print(-1)
        return
    print(round(measured[len(measured) // 2] * 1000))


main()
