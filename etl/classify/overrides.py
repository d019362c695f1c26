"""Analysts' corrections of single posts (table label_override), applied by v_posts.

Kept by post_key, apart from the computed labels: no re-import, re-labelling or carried label
(etl.classify.basis) ever writes or reads them; the per-month content counts follow at once.
"""

from __future__ import annotations

import duckdb

from etl.classify.store import _run
from etl.classify.vocab import CONTENT_TYPES
from warehouse import label_counts


def set_override(
    con: duckdb.DuckDBPyConnection,
    post_key: str,
    content_type: str | None,
    is_figure_centric: bool | None = None,
    *,
    note: str | None = None,
    by: str | None = None,
) -> None:
    """An analyst's correction of one post, kept by post_key so it survives re-imports and
    re-labelling (v_posts applies it)."""
    if content_type is not None and content_type not in CONTENT_TYPES:
        raise ValueError(
            f"Jenis konten '{content_type}' tidak dikenal (pilihan: {', '.join(CONTENT_TYPES)})."
        )
    if content_type is None and is_figure_centric is None:
        raise ValueError("Koreksi kosong: isi jenis konten atau penanda figur.")
    _run(
        con,
        """
        INSERT INTO label_override (post_key, content_type, is_figure_centric, note, overridden_by)
        VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (post_key) DO UPDATE SET
            content_type = excluded.content_type,
            is_figure_centric = excluded.is_figure_centric,
            note = excluded.note,
            overridden_by = excluded.overridden_by,
            overridden_at = current_localtimestamp()
        """,
        [post_key, content_type, is_figure_centric, note, by],
    )
    label_counts.recount_posts(con, [post_key])


def clear_override(con: duckdb.DuckDBPyConnection, post_key: str) -> None:
    """Drop the analyst's correction: the computed label applies again."""
    _run(con, "DELETE FROM label_override WHERE post_key = ?", [post_key])
    label_counts.recount_posts(con, [post_key])
