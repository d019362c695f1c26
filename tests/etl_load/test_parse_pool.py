"""The parse workers kept between files (etl.parse_pool behind etl.sandbox.parse_file): one
worker reads file after file with the same results as a parse in this process, and a worker
that crashes or hangs on a file is ended, the file refused in Bahasa Indonesia, and the next
file parsed by a new worker."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from etl import parse_pool, sandbox
from etl.parse import parse_file as parse_here
from etl.schema import FileRejected
from warehouse.settings import parse_limits

EXPORTS = Path(__file__).resolve().parents[2] / "sample_data" / "exports"
FILES = [
    sorted((EXPORTS / "instagram").rglob("*.csv"))[0],
    sorted((EXPORTS / "facebook").rglob("*.csv"))[0],
]


def _idle_pids() -> list[int]:
    return [w.proc.pid for w in parse_pool._IDLE]


def _same(a: list, b: list) -> bool:
    return len(a) == len(b) and all(
        x.posts.equals(y.posts, null_equal=True)
        and x.rejects.equals(y.rejects, null_equal=True)
        and (x.format, x.sheet, x.assumptions, x.notes)
        == (y.format, y.sheet, y.assumptions, y.notes)
        for x, y in zip(a, b, strict=True)
    )


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> Path:
    """FILES[1]'s rows 400 times (about 6 MB): a parse that must map new memory (a small file
    may fit in what the worker has mapped already, whatever the limit)."""
    import polars as pl

    rows = pl.read_csv(FILES[1], infer_schema=False)
    path = tmp_path_factory.mktemp("big") / FILES[1].name
    pl.concat([rows] * 400).write_csv(path)
    return path


@pytest.fixture
def pool():
    parse_pool.shutdown()
    yield
    parse_pool.shutdown()


def test_one_worker_reads_file_after_file_as_this_process_does(pool):
    pids = []
    for f in FILES:
        got = sandbox.parse_file(f)
        assert _same(got, parse_here(f)), f.name
        pids.append(_idle_pids())
    assert len(pids[0]) == 1 and pids[0] == pids[1]


def test_a_crashed_worker_is_replaced_and_the_file_refused(pool, big):
    sandbox.parse_file(FILES[0])
    first = _idle_pids()
    # An address space far below what the reader needs: the worker dies mid-parse.
    starved = dataclasses.replace(parse_limits(), memory_bytes=64 << 20)
    with pytest.raises(FileRejected) as err:
        sandbox.parse_file(big, limits=starved)
    # The starved worker either reports running out of memory or dies outright: both refuse
    # the file by name (which of the two depends on where the allocation fails).
    why = str(err.value)
    assert big.name in why and ("tidak dimuat" in why or "memerlukan memori" in why), why
    assert _idle_pids() == []  # the worker that died is not handed another file
    assert _same(sandbox.parse_file(FILES[1]), parse_here(FILES[1]))
    assert _idle_pids() and _idle_pids() != first


def test_a_file_over_the_time_limit_is_stopped(pool):
    sandbox.parse_file(FILES[0])
    first = _idle_pids()
    hurried = dataclasses.replace(parse_limits(), seconds=0.0001)
    with pytest.raises(FileRejected, match="tidak selesai dibaca"):
        sandbox.parse_file(FILES[1], limits=hurried)
    assert _idle_pids() == []
    assert _same(sandbox.parse_file(FILES[1]), parse_here(FILES[1]))
    assert _idle_pids() != first


def test_a_reused_worker_that_fails_does_not_give_the_verdict(pool, big, monkeypatch):
    sandbox.parse_file(FILES[0])  # the idle worker has parsed a file before
    asked: list[int] = []
    real_ask = parse_pool.Worker.ask

    def ask(self, task, seconds):
        asked.append(self.files)
        return real_ask(self, task, seconds)

    monkeypatch.setattr(parse_pool.Worker, "ask", ask)
    starved = dataclasses.replace(parse_limits(), memory_bytes=64 << 20)
    with pytest.raises(FileRejected):
        sandbox.parse_file(big, limits=starved)
    # Tried in the reused worker, then once more in a worker that had parsed nothing.
    assert asked == [1, 0]


def test_an_idle_worker_is_ended_after_a_while(pool, monkeypatch):
    monkeypatch.setattr(parse_pool, "IDLE_SECONDS", 0.2)
    sandbox.parse_file(FILES[0])
    (worker,) = parse_pool._IDLE
    worker.proc.join(30)  # ended by the reaper, not by this test
    assert not worker.proc.is_alive() and parse_pool._IDLE == []


def _polars_threads(conn) -> None:
    import polars as pl

    conn.send(pl.thread_pool_size())
    conn.close()


def test_a_parse_worker_runs_polars_on_one_thread():
    """etl.parse_threads is imported by the forkserver before polars: its children (the parse
    workers) run polars on one thread, whatever the machine's cores."""
    ctx = sandbox._context()
    mine, theirs = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_polars_threads, args=(theirs,), daemon=True)
    sandbox._start(proc)
    theirs.close()
    try:
        assert mine.poll(60) and mine.recv() == 1
    finally:
        proc.join(10)


def test_warmed_workers_wait_idle_and_take_the_first_files(pool, monkeypatch):
    """sandbox.warm starts KEEP_IDLE workers in the background; the files after it start none
    of their own and parse as this process does."""
    sandbox.warm()
    for t in __import__("threading").enumerate():
        if t.name == "parse-pool-warm":
            t.join(60)
    warmed = sorted(_idle_pids())
    assert len(warmed) == parse_pool.KEEP_IDLE
    started = []
    real = parse_pool.Worker.__init__

    def spy(self, *a, **k):
        started.append(1)
        real(self, *a, **k)

    monkeypatch.setattr(parse_pool.Worker, "__init__", spy)
    for f in FILES:
        assert _same(sandbox.parse_file(f), parse_here(f)), f.name
    assert started == []
    assert sorted(_idle_pids()) == warmed


def test_a_first_start_warms_the_workers_and_a_second_does_not(tmp_path, monkeypatch):
    from etl import bootstrap

    calls = []
    monkeypatch.setattr(sandbox, "warm", lambda: calls.append(1))
    empty = tmp_path / "root"
    empty.mkdir()  # no master list: nothing is loaded
    bootstrap.ensure_warehouse(tmp_path / "w.duckdb", root=empty)
    bootstrap.ensure_warehouse(tmp_path / "w.duckdb", root=empty)
    assert calls == [1]
