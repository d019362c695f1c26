"""Recompute posts from live observations, label them, and count what a load changed.

Each field of a post comes from the best live observation that has it: platform exports before
hand-kept logbooks, then newest export date (observed_at), then larger metric total, then newest
load.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import duckdb
import polars as pl

from etl.columns import METRICS, OBS_COLUMNS
from etl.normalize import caption_norm
from warehouse import day_counts

if TYPE_CHECKING:
    from etl.prepare import Prepared

# Columns of posts that come from the observations; every other column of posts (labels added
# by later migrations included) is carried over while the text it was computed from is unchanged.
_FROM_OBSERVATION = {*OBS_COLUMNS, "load_id", "first_load_id", "caption_norm"}
_FIELDS = [c for c in OBS_COLUMNS if c not in ("post_key", "observed_at")]

# Keyed on what the file touches: a scan of the keys' numbers (migration 360) finds candidate
# rows, only those are read whole and compared by key (a shared number adds nothing). Reading
# every post whole, or every key as text, made each file's cost grow with the warehouse.
_HASHED = (
    " WHERE key_hash IS NULL OR key_hash IN (SELECT md5_number_lower(post_key) FROM _affected)"
)
_POST_ROWS_SQL = "SELECT rowid AS r FROM posts" + _HASHED
_OBS_ROWS_SQL = "SELECT rowid AS r FROM post_observation" + _HASHED
_LIVE_SQL = """
SELECT o.* EXCLUDE (key_hash), coalesce(l.format, '') NOT LIKE '%logbook%' AS from_export
FROM post_observation o
JOIN loads l ON l.load_id = o.load_id AND l.status = 'loaded'
WHERE o.rowid IN (SELECT r FROM _rows) AND o.post_key IN (SELECT post_key FROM _affected)
"""
_OLD_SQL = (
    "SELECT * FROM posts"
    " WHERE rowid IN (SELECT r FROM _rows) AND post_key IN (SELECT post_key FROM _affected)"
)


def _by_rows(con: duckdb.DuckDBPyConnection, rows_sql: str, sql: str) -> pl.DataFrame:
    """`sql` over the rows `rows_sql` finds (both read the registered `_affected` keys)."""
    rows = con.sql(rows_sql).pl().to_arrow()
    con.register("_rows", rows)
    try:
        df: pl.DataFrame = con.sql(sql).pl()
        return df
    finally:
        con.unregister("_rows")


def old_posts(con: duckdb.DuckDBPyConnection, keys: pl.DataFrame) -> pl.DataFrame:
    """The posts rows (every column) of the post_keys in `keys`, as they are now."""
    con.register("_affected", keys.select("post_key").unique().to_arrow())
    try:
        return _by_rows(con, _POST_ROWS_SQL, _OLD_SQL)
    finally:
        con.unregister("_affected")


def live_observations(con: duckdb.DuckDBPyConnection, keys: pl.DataFrame) -> pl.DataFrame:
    """The live observations (loads with status 'loaded') of the post_keys in `keys`: every
    post_observation column and from_export (the load's format is not a logbook)."""
    con.register("_affected", keys.select("post_key").unique().to_arrow())
    try:
        return _by_rows(con, _OBS_ROWS_SQL, _LIVE_SQL)
    finally:
        con.unregister("_affected")


def newest_posts(live: pl.DataFrame, old: pl.DataFrame) -> pl.DataFrame:
    """The posts rows computed from live observations (live_observations' columns), one per
    post_key that has one; columns that do not come from the observations (labels) are carried
    over from `old` (the posts rows as they are) while caption, logbook label and OPD are
    unchanged. Pure: reads and writes nothing."""
    # Two exports with the same date (a re-export of the same period): lifetime totals
    # only grow, so the larger total is the later export. Load order is the last resort.
    live = live.with_columns(_total=pl.sum_horizontal([pl.col(m).fill_null(0) for m in METRICS]))
    newest = (
        live.sort("post_key", "from_export", "observed_at", "_total", "load_id")
        .group_by("post_key")
        .agg(
            *[pl.col(c).drop_nulls().last() for c in _FIELDS],
            pl.col("load_id").last(),
            pl.col("load_id").min().alias("first_load_id"),
            pl.col("observed_at").last(),
        )
    )
    newest = newest.with_columns(caption_norm=caption_norm(newest["caption"]))
    carried = [c for c in old.columns if c not in _FROM_OBSERVATION]
    prev = old.select(
        "post_key",
        *[pl.col(c).alias(f"_old_{c}") for c in ("caption", "logbook_label", "opd_id")],
        *carried,
    )
    same = (
        pl.col("caption").eq_missing(pl.col("_old_caption"))
        & pl.col("logbook_label").eq_missing(pl.col("_old_logbook_label"))
        & pl.col("opd_id").eq_missing(pl.col("_old_opd_id"))
    ).fill_null(False)
    return (
        newest.join(prev, on="post_key", how="left")
        .with_columns([pl.when(same).then(pl.col(c)).alias(c) for c in carried])
        .drop("_old_caption", "_old_logbook_label", "_old_opd_id")
    )


def replace_posts(
    con: duckdb.DuckDBPyConnection, keys: pl.DataFrame, old: pl.DataFrame, fresh: pl.DataFrame
) -> None:
    """Write posts: the rows `old` (in posts now) go, the rows `fresh` come in, and the
    campaign links of the post_keys in `keys` that are not in `fresh` (gone) go with them."""
    if old.height:  # only keys that are in posts now: a new file's posts delete nothing
        con.register("_old_keys", old.select("post_key").to_arrow())
        try:
            con.execute("DELETE FROM posts WHERE post_key IN (SELECT post_key FROM _old_keys)")
        finally:
            con.unregister("_old_keys")
    if fresh.height:
        # key_hash (migration 360) is the key's number, whatever a carried row held.
        con.register("_fresh", fresh.drop("key_hash", strict=False).to_arrow())
        try:
            con.execute(
                "INSERT INTO posts BY NAME"
                " SELECT *, md5_number_lower(post_key) AS key_hash FROM _fresh"
            )
        finally:
            con.unregister("_fresh")
    # The affected keys now in posts are exactly `fresh`'s, so the gone ones are known
    # without reading posts.
    gone = (
        keys.select("post_key").unique().join(fresh.select("post_key"), on="post_key", how="anti")
    )
    if gone.height:
        con.register("_gone", gone.to_arrow())
        try:
            con.execute("DELETE FROM post_campaign WHERE post_key IN (SELECT post_key FROM _gone)")
        finally:
            con.unregister("_gone")


def recompute_posts(
    con: duckdb.DuckDBPyConnection,
    keys: pl.DataFrame,
    old: pl.DataFrame | None = None,
    labels: set[int] | None = None,
) -> pl.DataFrame:
    """Rewrite posts for the given post_keys from live observations. Returns the new rows.
    labels: the loads being written (a set, added to): the loads of the rows left without a
    label are added (etl.write.to_label's set: their labelling pass, campaign links too, still
    runs) and the rows that pass would label are inserted labelled (etl.classify.fresh).
    None: rows without a label are inserted so.

    Each field comes from the best observation that has it: platform exports before hand-kept
    logbooks, then newest export date (observed_at), then larger metric total, then newest load.
    A logbook row adds its label to the export's post; a newer export lacking a column keeps the
    older export's value (newest_posts).
    Done in polars: a 20-column arg_max in DuckDB costs more than fetching the few rows.
    The per-day counts follow in the same transaction, from the rows that left and came in.
    A folder load's batch does the same for all its files at its COMMIT (etl.load_batch).
    """
    if old is None:
        old = old_posts(con, keys)
    fresh = newest_posts(live_observations(con, keys), old)
    if labels is not None:
        from etl.classify.fresh import with_labels

        labels.update(fresh.filter(pl.col("content_type").is_null())["load_id"].to_list())
        fresh = with_labels(con, fresh, labels)
    replace_posts(con, keys, old, fresh)
    day_counts.apply_change(con, old, fresh)
    return fresh


def label(con: duckdb.DuckDBPyConnection, load_ids: Iterable[int]) -> None:
    """Content labels and campaign links for posts of the given loads (same transaction), in
    passes of whole loads holding at most settings.LABEL_PASS_POSTS posts (a larger load is a
    pass of its own): each post's label and links depend on that post alone, so one pass over
    several loads equals one pass per load, without the fixed cost of each pass, and the
    passes bound the memory a folder of a million posts needs."""
    from etl.campaigns import match_campaigns
    from etl.classify import classify_posts
    from etl.label_passes import label_passes

    for ids in label_passes(con, sorted({int(i) for i in load_ids})):
        classify_posts(con, ids)
        match_campaigns(con, ids)


def pending_label_loads(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Loads with a post not labelled yet (content_type is set on every labelled post)."""
    rows = con.execute(
        "SELECT DISTINCT load_id FROM posts WHERE content_type IS NULL ORDER BY load_id"
    ).fetchall()
    return [int(r[0]) for r in rows]


_COMPARED = ("caption", *METRICS)
# A load report's preview: each row of the file with what the load did with it.
_PREVIEW = ("status", "opd", "platform", "account_handle", "published_at", "caption",
            "post_format", "permalink", *METRICS, "logbook_label", "source_sheet", "source_row",
            "post_key")  # fmt: skip


def count_changes(prep: Prepared, before: pl.DataFrame, fresh: pl.DataFrame) -> None:
    """new = key not in posts before; updated = caption or a metric of the post changed;
    duplicate = the post is as it was (plus repeated rows within the file)."""
    assert prep.obs is not None
    r = prep.report
    after = fresh.select("post_key", *[pl.col(c).alias(f"{c}_after") for c in _COMPARED])
    changed = pl.any_horizontal([pl.col(c).ne_missing(pl.col(f"{c}_after")) for c in _COMPARED])
    status = (
        prep.obs.select("post_key")
        .join(before.with_columns(_was=pl.lit(True)), on="post_key", how="left")
        .join(after, on="post_key", how="left")
        .select(
            "post_key",
            status=pl.when(pl.col("_was").is_null())
            .then(pl.lit("baru"))
            .when(changed)
            .then(pl.lit("diperbarui"))
            .otherwise(pl.lit("duplikat")),
        )
    )
    counts = dict(status.group_by("status").len().iter_rows())
    r.new = int(counts.get("baru", 0))
    r.updated = int(counts.get("diperbarui", 0))
    r.duplicate = int(counts.get("duplikat", 0)) + prep.within_dupes
    names = pl.DataFrame(
        {"opd_id": list(prep.opd_names), "opd": list(prep.opd_names.values())},
        schema={"opd_id": pl.Int64, "opd": pl.String},
    )
    r.preview = (
        prep.obs.join(status, on="post_key", how="left")
        .join(names, on="opd_id", how="left")
        .select(*_PREVIEW)
    )


def count_changes_many(
    preps: list[Prepared], obs: pl.DataFrame, before: pl.DataFrame, fresh: pl.DataFrame
) -> None:
    """count_changes for several files at once (a folder load's batch), in a few polars calls
    instead of a dozen per file: the same counts and previews.

    obs, before and fresh carry `_f`, the index in `preps` of the file each row belongs to;
    obs holds every file's prep.obs rows in order, before and fresh each file's posts rows
    before and after it (one row per post_key and file). Every prep shares one OPD index
    (opd_names: a folder load reads it once); raises ValueError otherwise (the batch is then
    rolled back and its files loaded one by one)."""
    first = preps[0].opd_names if preps else {}
    if any(p.opd_names != first for p in preps):
        raise ValueError("count_changes_many: files prepared with different OPD indexes")
    on = ["_f", "post_key"]
    after = fresh.select(*on, *[pl.col(c).alias(f"{c}_after") for c in _COMPARED])
    changed = pl.any_horizontal([pl.col(c).ne_missing(pl.col(f"{c}_after")) for c in _COMPARED])
    status = (
        obs.select(on)
        .join(before.select(*on, *_COMPARED).with_columns(_was=pl.lit(True)), on=on, how="left")
        .join(after, on=on, how="left")
        .select(
            *on,
            status=pl.when(pl.col("_was").is_null())
            .then(pl.lit("baru"))
            .when(changed)
            .then(pl.lit("diperbarui"))
            .otherwise(pl.lit("duplikat")),
        )
    )
    counts: dict[tuple[int, str], int] = {
        (int(f), s): int(n) for f, s, n in status.group_by("_f", "status").len().iter_rows()
    }
    names = pl.DataFrame(
        {"opd_id": list(first), "opd": list(first.values())},
        schema={"opd_id": pl.Int64, "opd": pl.String},
    )
    preview = (
        obs.join(status, on=on, how="left", maintain_order="left")
        .join(names, on="opd_id", how="left", maintain_order="left")
        .select(*_PREVIEW, "_f")
    )
    parts = {
        int(k[0]): part
        for k, part in preview.partition_by("_f", as_dict=True, include_key=False).items()
    }
    for i, p in enumerate(preps):
        r = p.report
        r.new = counts.get((i, "baru"), 0)
        r.updated = counts.get((i, "diperbarui"), 0)
        r.duplicate = counts.get((i, "duplikat"), 0) + p.within_dupes
        r.preview = parts.get(i, preview.clear().drop("_f"))
