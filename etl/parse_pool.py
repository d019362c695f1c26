"""Parse workers kept between files, for etl.sandbox: the bounds of a child process per file
without the cost of a new process per file.

A worker is forked by the sandbox's forkserver (parsers already imported) and parses one file
after another; each file sets its own limits in it (etl.sandbox.parse_one). The parent waits at
most `seconds` for each answer. A worker that answered normally ("ok", "rejected") goes back to
the pool; any other outcome (time limit, crash, out of memory, a reader failure, output too
large) ends it. A worker that had parsed other files before such an outcome may be the reason
(memory it holds, a cache in a bad state), so the file is parsed once more in a new worker, and
that verdict is the file's: a file's outcome never depends on the files parsed before it. A
hang is not retried (it would double the wait; time is not carried between files).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

KEEP_IDLE = 2  # workers kept waiting: the folder load's parse-ahead and the upload page
MAX_FILES = 200  # then a new worker, so what the caches and the allocator keep stays bounded
IDLE_SECONDS = 120.0  # a worker idle this long is ended: the app does not hold its memory
# Outcomes a worker gives for the file alone, whatever it parsed before (not retried).
_OWN = ("ok", "rejected", "output", "timeout")

_IDLE: list[Worker] = []
_LOCK = threading.Lock()
_REAPER: threading.Thread | None = None
_WAKE = threading.Event()  # wakes the reaper early (shutdown)


class Worker:
    """One parse worker process and the parent's end of its duplex pipe."""

    def __init__(self, ctx: Any, start: Callable[[Any], None]) -> None:
        self.conn, theirs = ctx.Pipe(duplex=True)
        self.proc = ctx.Process(target=serve, args=(theirs,), daemon=True)
        start(self.proc)
        theirs.close()  # the worker's death is then an EOFError here, not a wait without end
        self.files = 0
        self.idle_since = time.monotonic()

    def ask(self, task: tuple[Any, ...], seconds: float) -> tuple[Any, ...]:
        """Send one file, wait at most `seconds` for its message."""
        self.files += 1
        try:
            self.conn.send(task)
            if not self.conn.poll(seconds):
                return ("timeout",)
            msg: tuple[Any, ...] = self.conn.recv()
            return msg
        except (EOFError, OSError):
            return ("died",)

    def stop(self) -> int | None:
        """End the worker (killed if still running); its exit code."""
        self.conn.close()
        self.proc.kill()  # a process that died already keeps its own exit code
        self.proc.join(5)
        if self.proc.is_alive():  # pragma: no cover - SIGKILL not delivered in 5 s
            self.proc.kill()
            self.proc.join()
        code: int | None = self.proc.exitcode
        return code


def _take(ctx: Any, start: Callable[[Any], None]) -> Worker:
    with _LOCK:
        while _IDLE:
            w = _IDLE.pop()
            if w.proc.is_alive():
                return w
            w.stop()  # died while idle (the kernel's OOM killer, say): never given a file
    return Worker(ctx, start)


def _give(w: Worker) -> None:
    global _REAPER
    w.idle_since = time.monotonic()
    with _LOCK:
        if w.files < MAX_FILES and len(_IDLE) < KEEP_IDLE:
            _IDLE.append(w)
            if _REAPER is None:
                _REAPER = threading.Thread(target=_reap, name="parse-pool-reaper", daemon=True)
                _REAPER.start()
            return
    w.stop()


def _reap() -> None:
    """End workers idle for IDLE_SECONDS; stop once none is left (the next _give restarts)."""
    global _REAPER
    while True:
        _WAKE.wait(IDLE_SECONDS / 4)
        _WAKE.clear()
        with _LOCK:
            now = time.monotonic()
            old = [w for w in _IDLE if now - w.idle_since >= IDLE_SECONDS]
            for w in old:
                _IDLE.remove(w)
            done = not _IDLE
            if done:
                _REAPER = None  # under the lock: a _give after this starts a new reaper
        for w in old:
            w.stop()
        if done:
            return


def warm(ctx: Any, start: Callable[[Any], None], n: int = KEEP_IDLE) -> threading.Thread:
    """Start n workers in a background thread and keep them idle, so the first files do not
    wait for the forkserver to import the parsers and fork (a first start: meanwhile the
    loading process opens the warehouse and reads the master list). A worker that cannot start
    is left to the first file, which starts its own and reports its failure."""

    def go() -> None:
        for _ in range(n):
            try:
                w = Worker(ctx, start)
            except Exception:
                return
            _give(w)

    t = threading.Thread(target=go, name="parse-pool-warm", daemon=True)
    t.start()
    return t


def run(
    task: tuple[Any, ...], seconds: float, ctx: Any, start: Callable[[Any], None]
) -> tuple[tuple[Any, ...], int | None]:
    """One file through a worker: (message, exit code of the worker when it was ended)."""
    w = _take(ctx, start)
    while True:
        reused = w.files > 0
        msg = w.ask(task, seconds)
        if msg[0] in ("ok", "rejected"):
            _give(w)
            return msg, None
        code = w.stop()
        if not reused or msg[0] in _OWN:
            return msg, code
        w = Worker(ctx, start)  # once more in a worker that has parsed nothing before


def serve(conn: Any) -> None:
    """The worker's loop: a file in, its message out, until the parent closes the pipe."""
    from etl.sandbox import parse_one

    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        msg = parse_one(*task)
        try:
            conn.send(msg)
        except MemoryError:
            conn.send(("memory",))


def shutdown() -> None:
    """End the idle workers (tests; a process exiting ends them anyway: they are daemons)."""
    with _LOCK:
        idle = list(_IDLE)
        _IDLE.clear()
        reaper = _REAPER
    for w in idle:
        w.stop()
    if reaper is not None:
        _WAKE.set()  # it finds nothing idle and ends
        reaper.join()
