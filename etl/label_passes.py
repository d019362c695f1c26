"""How a folder's loads are split into labelling passes (etl.recompute.label): whole loads,
at most settings.LABEL_PASS_POSTS posts a pass, so the classifier's memory is bounded by a pass
and not by the folder."""

from __future__ import annotations

import duckdb

from warehouse import settings


def label_passes(con: duckdb.DuckDBPyConnection, ids: list[int]) -> list[list[int]]:
    """ids (sorted) in consecutive groups whose posts number at most settings.LABEL_PASS_POSTS,
    a load with more posts alone in its group; a load without posts joins the current group."""
    if not ids:
        return []
    sizes = dict(
        con.execute(
            "SELECT load_id, count(*) FROM posts WHERE list_contains($ids, load_id)"
            " GROUP BY load_id",
            {"ids": ids},
        ).fetchall()
    )
    passes: list[list[int]] = [[]]
    held = 0
    for i in ids:
        n = int(sizes.get(i, 0))
        if passes[-1] and held + n > settings.LABEL_PASS_POSTS:
            passes.append([])
            held = 0
        passes[-1].append(i)
        held += n
    return passes
