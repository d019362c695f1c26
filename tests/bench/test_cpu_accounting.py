"""The benchmarks' CPU count sees work done in a forkserver's children (where the loader
parses files): without it the per-CPU-second ratios of our loads leave the parsing out."""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from cpu import cpu_now, since  # noqa: E402

from etl import sandbox  # noqa: E402


def _burn(conn: object, seconds: float) -> None:
    start = time.process_time()
    x = 0
    while time.process_time() - start < seconds:
        x += 1
    conn.send(time.process_time())  # type: ignore[attr-defined]


def test_forkserver_children_are_counted() -> None:
    # The loader's own forkserver, and its way of starting a child: a plain start re-runs a
    # script-path __main__ in the child, and after an AppTest run __main__ is that test's
    # script (the child died on it and this test waited forever for its message).
    ctx = sandbox._context()
    before = cpu_now()
    usage0 = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    burned = 0.0
    for _ in range(2):  # the server stays alive, as it does while a folder loads
        recv, send = ctx.Pipe(duplex=False)
        p = ctx.Process(target=_burn, args=(send, 0.4))
        sandbox._start(p)
        send.close()  # a child that dies is then an EOFError here, not a wait without end
        assert recv.poll(120), "the child sent nothing in 120 s"
        burned += recv.recv()
        p.join()
        assert p.exitcode == 0, p.exitcode
    used = since(before)
    usage1 = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    rusage_only = sum(
        (b.ru_utime + b.ru_stime) - (a.ru_utime + a.ru_stime)
        for a, b in zip(usage0, usage1, strict=True)
    )
    # The children's own CPU is in the count, on top of this process's ...
    assert used.children_s >= burned * 0.98
    assert used.total_s >= used.self_s + burned * 0.98
    # ... and getrusage alone does not see it (the flaw this module mends).
    assert rusage_only < burned * 0.5
