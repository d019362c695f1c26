"""Three kills of a running import (a random moment, during the commit's WAL write, at the
checkpoint), then the warehouse opened as the app opens it: every load wholly present or absent,
the integrity check passes, undo of a surviving load removes exactly its rows. The long
version (>= 50 kills, 200,000 rows): python -m tests.hostile.killtest."""

from __future__ import annotations

from tests.hostile.killtest import run


def test_three_kills_leave_every_load_whole_or_absent(tmp_path):
    lines: list[str] = []
    results = run(3, 8_000, seed=11, work=tmp_path, log=lines.append)
    assert [r.moment for r in results] == ["random", "wal", "checkpoint"]
    assert not [r.problems for r in results if r.problems], "\n".join(lines)
    # killed after the CLI reported the load (commit done): it must have survived, whole
    assert results[2].present, "\n".join(lines)
