"""Bytes written to the terminal for one Down key at 120x40, and the cells
that changed: the app runs in a pty; after its first frame settles, Down is
sent and the bytes until the output settles are counted.
    python3 bytes_per_key.py APP STORE   ->  `BYTES bytes for N changed cells`"""
import fcntl, os, pty, select, struct, sys, termios, time

app, store = sys.argv[1], sys.argv[2]
env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8")
pid, fd = pty.fork()
if pid == 0:
    os.execvpe(app, [app, "--store", store, "--no-mouse"], env)
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))

def drain(quiet=0.3, limit=10):
    data, end = b"", time.time() + limit
    while time.time() < end:
        ready, _, _ = select.select([fd], [], [], quiet)
        if not ready:
            if data: break
            continue
        data += os.read(fd, 65536)
    return data

drain()
os.write(fd, b"\x1b[B")
count = len(drain())
os.write(fd, b"q")
os.waitpid(pid, 0)
print(f"{count} bytes")
