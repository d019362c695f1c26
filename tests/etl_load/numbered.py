"""Shared pieces of the tests of the key numbers (post_link.link_hash, migration 320;
posts/post_observation.key_hash, migration 360): the number itself, hand-written rows whose
number is right, missing or another key's, a connection that records (or swaps) the statements
run through it, and a warehouse built as it was before a migration."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from hypothesis import strategies as st

from warehouse.db import connect

# How a hand-written row carries its key's number: right, missing (NULL), or held by another
# key (as two keys sharing a number would).
NUMBERING = st.sampled_from(["right", "none", "other"])


def md5_lower(key: str) -> int:
    """The number of a key: the low 8 bytes of its UTF-8 MD5, little-endian (as
    md5_number_lower in DuckDB)."""
    return int.from_bytes(hashlib.md5(key.encode("utf-8")).digest()[8:], "little")


def stored(key: str, how: str, other: str) -> tuple[str, int | None]:
    """(key, number) of a hand-written row for `key` numbered `how`; "other" stores the key
    `other` holding `key`'s number."""
    if how == "other":
        return other, md5_lower(key)
    return key, None if how == "none" else md5_lower(key)


def loads_written(con, n: int, undone: set[int], fmt: Callable[[int], str | None]) -> None:
    """Loads 1..n, those in `undone` undone, each with the format fmt(load_id)."""
    for i in range(1, n + 1):
        con.execute(
            "INSERT INTO loads (load_id, file_name, sha256, status, format) VALUES (?, ?, ?, ?, ?)",
            [i, f"f{i}.csv", f"s{i}", "undone" if i in undone else "loaded", fmt(i)],
        )


class Statements:
    """Stands in for a connection: every `sql` statement is recorded in `seen`, and run as
    `swap(query)` returns it (the query itself by default)."""

    def __init__(self, con, swap: Callable[[str], str] = lambda q: q):
        self._con = con
        self._swap = swap
        self.seen: list[str] = []

    def __getattr__(self, name):
        return getattr(self._con, name)

    def sql(self, query, *a, **k):
        self.seen.append(query)
        return self._con.sql(self._swap(query), *a, **k)


@contextmanager
def before_migration(path: Path, monkeypatch, migration: int) -> Iterator:
    """A connection to a new warehouse at `path` with only the migrations numbered below
    `migration`; on leaving, every migration is available again (the next connect runs it)."""
    import warehouse.migrations as migrations

    real = migrations.available
    monkeypatch.setattr(migrations, "available", lambda: [m for m in real() if m[0] < migration])
    con = connect(path)
    try:
        yield con
    finally:
        con.close()
        monkeypatch.setattr(migrations, "available", real)
