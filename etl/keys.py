"""Natural keys of posts (post_key) and adoption of keys already seen in live loads.

post_key: platform + native id, else platform + normalized permalink, else a sha1 of
(opd_id, platform, publish minute, NFKC caption) for logbook rows without a link. A row whose id
or link was already seen in a live load takes that post's key (table post_link, migration 010).
"""

from __future__ import annotations

import hashlib

import duckdb
import polars as pl

from etl.links import permalinks
from etl.normalize import nfkc_series


def _sha1(s: str) -> str:
    return hashlib.sha1(s.encode("utf-8")).hexdigest()


def add_post_keys(df: pl.DataFrame) -> pl.DataFrame:
    """Natural key per row (needs opd_id): native id, else permalink, else content hash.

    Also adds native_key and url_key (either may be null): the identities used to recognise the
    same post reached through another file (see migration 010, post_link).
    """
    native = pl.col("native_id").cast(pl.String).str.strip_chars()
    has_native = native.is_not_null() & (native != "")
    links = df.get_column("permalink").cast(pl.String).drop_nulls().unique()
    link_map = pl.DataFrame(
        {"permalink": links, "_link_norm": permalinks(links)},
        schema={"permalink": pl.String, "_link_norm": pl.String},
    )
    df = df.join(link_map, on="permalink", how="left")
    df = df.with_columns(
        native_key=pl.when(has_native).then(pl.col("platform") + pl.lit(":") + native),
        url_key=pl.col("platform") + pl.lit(":url:") + pl.col("_link_norm"),
    )
    # Hashes only for rows with neither id nor link; their captions alone are normalized
    # (NFKC over every caption cost 0.7 CPU-s per 100,000 rows for the few that need it).
    needs_hash = df.select(pl.col("native_key").is_null() & pl.col("url_key").is_null())
    idx = needs_hash.to_series().arg_true()
    hashes = pl.repeat(None, df.height, dtype=pl.String, eager=True)
    if len(idx):
        sub = df[idx]
        caption_nfkc = nfkc_series(sub["caption"].cast(pl.String).fill_null("")).str.strip_chars()
        hash_input = sub.select(
            pl.concat_str(
                [
                    pl.col("opd_id").cast(pl.String),
                    pl.col("platform"),
                    pl.col("published_at").dt.strftime("%Y-%m-%d %H:%M"),
                    pl.lit(caption_nfkc),
                ],
                separator="|",
            )
        ).to_series()
        hashes = hashes.scatter(
            idx, hash_input.map_elements(_sha1, return_dtype=pl.String, skip_nulls=True)
        )
    return df.with_columns(
        post_key=pl.coalesce("native_key", "url_key", pl.col("platform") + pl.lit(":h:") + hashes)
    ).drop("_link_norm")


def adopt_known_keys(
    con: duckdb.DuckDBPyConnection, df: pl.DataFrame, seen: set[str] | None = None
) -> pl.DataFrame:
    """A row whose id or link was already seen in a live load takes that post's key, so a
    logbook link and the export row of the same post are one post (first identity seen wins).

    seen: every link key post_link holds as `con` reads it (a folder load's batch keeps them:
    etl.load_batch.Batch.links), or None; a file with none of them skips the query."""
    probe = (
        df.with_row_index("_i")
        .select("_i", link_key=pl.concat_list("native_key", "url_key"))
        .explode("link_key")
        .drop_nulls("link_key")
    )
    if probe.height == 0:
        return df
    if seen is not None and seen.isdisjoint(probe.get_column("link_key").to_list()):
        return df  # what the query below finds for most new files: no row
    con.register("_probe", probe)
    try:
        # Keyed on the file's identities: one scan of the link keys' numbers (migration 320)
        # finds the candidate rows, and only those are read whole and compared by link key
        # below (a number two keys share, or a row without one, finds nothing extra).
        rows = con.sql(
            "SELECT rowid AS r FROM post_link WHERE link_hash IS NULL"
            " OR link_hash IN (SELECT md5_number_lower(link_key) FROM _probe)"
        ).pl()
        if rows.height == 0:  # no identity of the file seen before (most new files)
            return df
        con.register("_link_rows", rows.to_arrow())
        try:
            known = con.sql(
                "SELECT p._i, arg_min(k.post_key, k.load_id) AS _known"
                " FROM _probe p"
                " JOIN (SELECT * FROM post_link WHERE rowid IN (SELECT r FROM _link_rows)) k"
                " ON k.link_key = p.link_key"
                " JOIN loads l ON l.load_id = k.load_id AND l.status = 'loaded'"
                " GROUP BY p._i"
            ).pl()
        finally:
            con.unregister("_link_rows")
    finally:
        con.unregister("_probe")
    if known.height == 0:
        return df
    return (
        df.with_row_index("_i")
        .join(known.with_columns(pl.col("_i").cast(pl.UInt32)), on="_i", how="left")
        .with_columns(post_key=pl.coalesce("_known", "post_key"))
        .drop("_i", "_known")
    )
