"""Load parsed exports into the warehouse: one file = one transaction (issue #2).

Every good row becomes a post_observation of this load; posts is then recomputed, per post_key,
from the live observations (loads with status 'loaded'): each field from the best observation
that has it, platform exports before hand-kept logbooks, then newest export date (observed_at:
loads.exported_at, see etl/export_date.py, else load time), then the larger metric total (a
re-export of the same period), then newest load. With no logbook involved that is simply the
newest observation. Keeping every observation is what makes undo exact and lets the newest
export's metrics win.

Natural key (post_key): platform + native id, else platform + normalized permalink, else a sha1 of
(opd_id, platform, publish minute, NFKC caption) for logbook rows without a link. A row whose id
or link was already seen in a live load takes that post's key (table post_link, migration 010), so
a logbook link and the export row of the same post are one post.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import zoneinfo
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import polars as pl

from etl import coverage
from etl.export_date import export_date
from etl.matching import OpdIndex, OpdNotFound, resolve_posts
from etl.normalize import normalize_permalink
from etl.schema import (
    PLATFORMS,
    POST_SCHEMA,
    REJECT_SCHEMA,
    FileRejected,
    NotAPostExport,
    ParsedTable,
)
from warehouse import settings

METRICS = ("views", "reach", "reactions", "comments", "shares", "saves")
# Columns of post_observation after load_id, in table order.
OBS_COLUMNS = (
    "post_key",
    "opd_id",
    "account_id",
    "platform",
    "native_id",
    "account_handle",
    "published_at",
    "caption",
    "post_format_raw",
    "post_format",
    "permalink",
    *METRICS,
    "logbook_label",
    "source_sheet",
    "source_row",
    "observed_at",
)
LABEL_COLUMNS = (
    "content_type",
    "content_source",
    "content_reason",
    "is_figure_centric",
    "figure_reason",
    "rules_version",
)
# File types a folder load picks up; a file named explicitly is always tried.
DATA_SUFFIXES = {".csv", ".xlsx", ".xlsm", ".xls", ".zip", ".tsv", ".txt"}
# Found in a folder, these load only when they parse as a known layout (Excel "Unicode Text"
# logbooks are .txt): anything else, a readme say, is reported as skipped, not as a failure.
OPTIONAL_SUFFIXES = {".txt", ".tsv"}
JSON_KEYS = ("file", "format", "opd", "rows_read", "new", "updated", "duplicate", "rejected",
             "status", "error", "load_id")  # fmt: skip

Progress = Callable[[int, int, str], None]
# Load id used inside a dry run's rolled-back transaction.
DRY_RUN_LOAD_ID = -1


@dataclass
class LoadReport:
    file: str
    format: str | None = None
    opd: str | None = None
    rows_read: int = 0
    new: int = 0
    updated: int = 0
    duplicate: int = 0
    rejected: int = 0
    status: str = "loaded"  # loaded | skipped | failed
    error: str | None = None
    load_id: int | None = None
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    notes: list[str] = field(default_factory=list)
    rejects: pl.DataFrame = field(default_factory=lambda: pl.DataFrame(schema=REJECT_SCHEMA))
    preview: pl.DataFrame | None = None

    def to_dict(self) -> dict:
        return {k: getattr(self, k) for k in JSON_KEYS}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    def summary(self) -> str:
        """Readable report, Bahasa Indonesia."""
        status = {"loaded": "DIMUAT", "skipped": "DILEWATI", "failed": "GAGAL"}.get(
            self.status, self.status
        )
        head = f"[{status}] {self.file}" + (f" (muatan #{self.load_id})" if self.load_id else "")
        lines = [head]
        if self.error:
            lines.append(f"  Pesan      : {self.error}")
        if self.status == "loaded" or self.rows_read:
            lines += [
                f"  Format     : {self.format or '-'}",
                f"  OPD        : {self.opd or '-'}",
                f"  Periode    : {_fmt_date(self.period_start)} s.d. {_fmt_date(self.period_end)}",
                f"  Baris      : {self.rows_read} dibaca, {self.new} baru, {self.updated} "
                f"diperbarui, {self.duplicate} duplikat, {self.rejected} ditolak",
            ]
        lines += [f"  Catatan    : {n}" for n in self.notes]
        if self.rejects.height:
            lines.append("  Baris ditolak (maks. 10):")
            for sheet, row, col, value, reason in self.rejects.head(10).iter_rows():
                where = ", ".join(
                    x
                    for x in (
                        f'lembar "{sheet}"' if sheet else "",
                        f"baris {row}" if row is not None else "",
                        f'kolom "{col}"' if col else "",
                    )
                    if x
                )
                val = f' nilai "{value}"' if value not in (None, "") else ""
                lines.append(f"    - {where}{val}: {reason}")
        return "\n".join(lines)


def _fmt_date(d: dt.date | None) -> str:
    return d.strftime("%d-%m-%Y") if d else "-"


def _now_wib() -> dt.datetime:
    # Naive WIB, like every timestamp in the warehouse; microseconds dropped for readability.
    now = dt.datetime.now(zoneinfo.ZoneInfo(settings.LOCAL_TZ)).replace(tzinfo=None)
    return now.replace(microsecond=0)


# ---------------------------------------------------------------------------------------------
# Keys


def _sha1(s: str) -> str:
    return hashlib.sha1(s.encode("utf-8")).hexdigest()


def _norm_permalink(url: str | None) -> str | None:
    if url is None or not url.strip():
        return None
    return normalize_permalink(url) or None


def add_post_keys(df: pl.DataFrame) -> pl.DataFrame:
    """Natural key per row (needs opd_id): native id, else permalink, else content hash.

    Also adds native_key and url_key (either may be null): the identities used to recognise the
    same post reached through another file (see migration 010, post_link).
    """
    native = pl.col("native_id").cast(pl.String).str.strip_chars()
    has_native = native.is_not_null() & (native != "")
    links = df.get_column("permalink").drop_nulls().unique().to_list()
    link_map = pl.DataFrame(
        {"permalink": links, "_link_norm": [_norm_permalink(u) for u in links]},
        schema={"permalink": pl.String, "_link_norm": pl.String},
    )
    df = df.join(link_map, on="permalink", how="left")
    caption_nfkc = pl.col("caption").fill_null("").str.normalize("NFKC").str.strip_chars()
    hash_input = pl.concat_str(
        [
            pl.col("opd_id").cast(pl.String),
            pl.col("platform"),
            pl.col("published_at").dt.strftime("%Y-%m-%d %H:%M"),
            caption_nfkc,
        ],
        separator="|",
    )
    df = df.with_columns(
        native_key=pl.when(has_native).then(pl.col("platform") + pl.lit(":") + native),
        url_key=pl.col("platform") + pl.lit(":url:") + pl.col("_link_norm"),
    )
    # Hashes only for rows with neither id nor link.
    needs_hash = pl.col("native_key").is_null() & pl.col("url_key").is_null()
    df = df.with_columns(_hash_input=pl.when(needs_hash).then(hash_input))
    hashes = df.get_column("_hash_input").map_elements(
        _sha1, return_dtype=pl.String, skip_nulls=True
    )
    return df.with_columns(
        post_key=pl.coalesce("native_key", "url_key", pl.col("platform") + pl.lit(":h:") + hashes)
    ).drop("_link_norm", "_hash_input")


def _adopt_known_keys(con: duckdb.DuckDBPyConnection, df: pl.DataFrame) -> pl.DataFrame:
    """A row whose id or link was already seen in a live load takes that post's key, so a
    logbook link and the export row of the same post are one post (first identity seen wins)."""
    probe = (
        df.with_row_index("_i")
        .select("_i", link_key=pl.concat_list("native_key", "url_key"))
        .explode("link_key")
        .drop_nulls("link_key")
    )
    if probe.height == 0:
        return df
    con.register("_probe", probe)
    try:
        known = con.sql(
            "SELECT p._i, arg_min(k.post_key, k.load_id) AS _known"
            " FROM _probe p JOIN post_link k ON k.link_key = p.link_key"
            " JOIN loads l ON l.load_id = k.load_id AND l.status = 'loaded'"
            " GROUP BY p._i"
        ).pl()
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


# ---------------------------------------------------------------------------------------------
# Preparing a file (shared by dry run and real load)


@dataclass
class Prepared:
    report: LoadReport
    sha256: str
    file_path: str | None
    obs: pl.DataFrame | None = None  # OBS_COLUMNS, one row per post_key
    rejects: pl.DataFrame | None = None
    formats: list[str] = field(default_factory=list)
    platform: str | None = None
    opd_id: int | None = None
    exported_at: dt.datetime | None = None
    links: pl.DataFrame | None = None  # post_key, link_key
    within_dupes: int = 0
    opd_names: dict[int, str] = field(default_factory=dict)
    coverage: pl.DataFrame | None = None  # etl.coverage.COVERAGE_SCHEMA


def _combine(
    tables: list[ParsedTable], load_time: dt.datetime
) -> tuple[pl.DataFrame, pl.DataFrame]:
    posts, rejects = [], []
    for t in tables:
        have = set(t.posts.columns)
        p = t.posts.select(
            [
                (pl.col(c) if c in have else pl.lit(None)).cast(dtype).alias(c)
                for c, dtype in POST_SCHEMA.items()
            ]
        )
        p = p.with_columns(
            platform=pl.coalesce("platform", pl.lit(t.platform, pl.String)),
            account_handle=pl.coalesce("account_handle", pl.lit(t.account_handle, pl.String)),
            source_sheet=pl.coalesce("source_sheet", pl.lit(t.sheet, pl.String)),
            observed_at=pl.lit(t.exported_at or load_time, pl.Datetime("us")),
        )
        posts.append(p)
        r = t.rejects.select([pl.col(c).cast(dtype) for c, dtype in REJECT_SCHEMA.items()])
        rejects.append(r.with_columns(sheet=pl.coalesce("sheet", pl.lit(t.sheet, pl.String))))
    schema = {**POST_SCHEMA, "observed_at": pl.Datetime("us")}
    all_posts = pl.concat(posts) if posts else pl.DataFrame(schema=schema)
    all_rej = pl.concat(rejects) if rejects else pl.DataFrame(schema=REJECT_SCHEMA)
    return all_posts, all_rej


def _invalid_rows(df: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Rows the loader cannot store (no date, unknown platform): rejects, not crashes."""
    no_date = pl.col("published_at").is_null()
    bad_platform = pl.col("platform").is_null() | ~pl.col("platform").is_in(list(PLATFORMS))
    bad = df.filter(no_date | bad_platform)
    rej = bad.select(
        sheet=pl.col("source_sheet"),
        row_number=pl.col("source_row"),
        column_name=pl.when(no_date).then(pl.lit("Tanggal")).otherwise(pl.lit("Platform")),
        value=pl.when(no_date).then(pl.lit(None, pl.String)).otherwise(pl.col("platform")),
        reason=pl.when(no_date)
        .then(pl.lit("Tanggal unggah kosong atau tidak terbaca"))
        .otherwise(pl.lit("Platform tidak dikenal")),
    )
    return df.filter(~(no_date | bad_platform)), rej


def prepare(
    con: duckdb.DuckDBPyConnection,
    tables: list[ParsedTable],
    *,
    file_name: str,
    sha256: str,
    file_path: str | None = None,
    opd: str | None = None,
    load_time: dt.datetime | None = None,
) -> Prepared:
    """Everything a load needs, computed without writing: keys, OPDs, rejects, counts."""
    load_time = load_time or _now_wib()
    report = LoadReport(file=file_name)
    prep = Prepared(report=report, sha256=sha256, file_path=file_path)
    prep.formats = list(dict.fromkeys(t.format for t in tables))
    report.format = ", ".join(prep.formats) or None
    for t in tables:
        report.notes.extend(t.notes)
    exported = [t.exported_at for t in tables if t.exported_at is not None]
    prep.exported_at = max(exported) if exported else None

    posts, parser_rejects = _combine(tables, load_time)
    report.rows_read = posts.height + parser_rejects.select("sheet", "row_number").unique().height
    posts, invalid = _invalid_rows(posts)

    index = OpdIndex.from_db(con)
    res = resolve_posts(index, posts, opd=opd, path=file_path or file_name, file_name=file_name)
    report.notes.extend(res.notes)
    prep.opd_id = res.file_opd_id
    report.opd = index.names.get(res.file_opd_id) if res.file_opd_id is not None else None
    if res.file_opd_id is None and res.posts.height:
        n = res.posts.get_column("opd_id").n_unique()
        report.opd = f"{n} OPD"

    good = _adopt_known_keys(con, add_post_keys(res.posts))
    # Duplicate keys within one file: the last row wins, the others count as duplicates.
    deduped = good.unique(subset="post_key", keep="last", maintain_order=True)
    within_dupes = good.height - deduped.height
    obs = deduped.select(list(OBS_COLUMNS))
    prep.obs = obs
    prep.links = (
        good.select("post_key", link_key=pl.concat_list("native_key", "url_key"))
        .explode("link_key")
        .drop_nulls("link_key")
        .unique(maintain_order=True)
    )

    rejects = pl.concat([parser_rejects, invalid.cast(REJECT_SCHEMA), res.rejects])
    prep.rejects = rejects
    report.rejects = rejects
    report.rejected = rejects.height

    if obs.height == 0 and not rejects.height:
        report.notes.append("Berkas tidak berisi baris postingan.")
    platforms = obs.get_column("platform").unique().to_list()
    prep.platform = platforms[0] if len(platforms) == 1 else None
    if obs.height:
        report.period_start = obs.get_column("published_at").min().date()  # type: ignore[union-attr]
        report.period_end = obs.get_column("published_at").max().date()  # type: ignore[union-attr]

    prep.within_dupes = within_dupes
    prep.opd_names = dict(index.names)
    prep.coverage, cov_notes = coverage.derive(
        tables, obs, file_name=file_name, file_path=file_path, file_opd_id=res.file_opd_id,
        exported_at=prep.exported_at,
    )  # fmt: skip
    report.notes.extend(cov_notes)
    return prep


# ---------------------------------------------------------------------------------------------
# Writing


def _already_loaded(con: duckdb.DuckDBPyConnection, sha256: str) -> int | None:
    row = con.execute(
        "SELECT min(load_id) FROM loads WHERE sha256 = ? AND status = 'loaded'", [sha256]
    ).fetchall()[0]
    return int(row[0]) if row and row[0] is not None else None


def _insert_load_row(
    con: duckdb.DuckDBPyConnection,
    *,
    file_name: str,
    file_path: str | None,
    sha256: str,
    status: str,
    loaded_by: str | None,
    loaded_at: dt.datetime,
    message: str | None,
    prep: Prepared | None = None,
    load_id: int | None = None,
) -> int:
    r = prep.report if prep else None
    # An explicit id (dry runs) leaves the sequence alone: no gaps in the numbers users see.
    id_col, id_val = ("load_id, ", f"{int(load_id)}, ") if load_id is not None else ("", "")
    row = con.execute(
        f"INSERT INTO loads ({id_col}file_name, file_path, sha256, format, platform, opd_id,"
        " period_start, period_end, exported_at, rows_read, n_new, n_updated, n_duplicate,"
        " n_rejected, loaded_by, loaded_at, status, message)"
        f" VALUES ({id_val}?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING load_id",
        [
            file_name,
            file_path,
            sha256,
            ", ".join(prep.formats) if prep and prep.formats else None,
            prep.platform if prep else None,
            prep.opd_id if prep else None,
            r.period_start if r else None,
            r.period_end if r else None,
            prep.exported_at if prep else None,
            r.rows_read if r else 0,
            r.new if r else 0,
            r.updated if r else 0,
            r.duplicate if r else 0,
            r.rejected if r else 0,
            loaded_by,
            loaded_at,
            status,
            message,
        ],
    ).fetchall()[0]
    assert row is not None
    return int(row[0])


# Columns of posts that come from the observations; every other column of posts (labels added
# by later migrations included) is carried over while the text it was computed from is unchanged.
_FROM_OBSERVATION = {*OBS_COLUMNS, "load_id", "first_load_id", "caption_norm"}
_FIELDS = [c for c in OBS_COLUMNS if c not in ("post_key", "observed_at")]

_LIVE_SQL = """
SELECT o.*, coalesce(l.format, '') NOT LIKE '%logbook%' AS from_export
FROM post_observation o
JOIN loads l ON l.load_id = o.load_id AND l.status = 'loaded'
WHERE o.post_key IN (SELECT post_key FROM _affected)
"""
_OLD_SQL = "SELECT * FROM posts WHERE post_key IN (SELECT post_key FROM _affected)"


def _old_posts(con: duckdb.DuckDBPyConnection, keys: pl.DataFrame) -> pl.DataFrame:
    con.register("_affected", keys.select("post_key").unique().to_arrow())
    try:
        return con.sql(_OLD_SQL).pl()
    finally:
        con.unregister("_affected")


def _recompute_posts(
    con: duckdb.DuckDBPyConnection, keys: pl.DataFrame, old: pl.DataFrame | None = None
) -> pl.DataFrame:
    """Rewrite posts for the given post_keys from live observations. Returns the new rows.

    Each field comes from the best observation that has it: platform exports before hand-kept
    logbooks, then newest export date (observed_at), then larger metric total, then newest load.
    A logbook row adds its label to the export's post; a newer export lacking a column keeps the
    older export's value.
    Done in polars: a 20-column arg_max in DuckDB costs more than fetching the few rows.
    """
    if old is None:
        old = _old_posts(con, keys)
    con.register("_affected", keys.select("post_key").unique().to_arrow())
    try:
        # Two exports with the same date (a re-export of the same period): lifetime totals
        # only grow, so the larger total is the later export. Load order is the last resort.
        live = (
            con.sql(_LIVE_SQL)
            .pl()
            .with_columns(_total=pl.sum_horizontal([pl.col(m).fill_null(0) for m in METRICS]))
        )
        newest = (
            live.sort("post_key", "from_export", "observed_at", "_total", "load_id")
            .group_by("post_key")
            .agg(
                *[pl.col(c).drop_nulls().last() for c in _FIELDS],
                pl.col("load_id").last(),
                pl.col("load_id").min().alias("first_load_id"),
                pl.col("observed_at").last(),
            )
            # caption_norm = NFKC + lower case (DuckDB has only NFC).
            .with_columns(caption_norm=pl.col("caption").str.normalize("NFKC").str.to_lowercase())
        )
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
        fresh = (
            newest.join(prev, on="post_key", how="left")
            .with_columns([pl.when(same).then(pl.col(c)).alias(c) for c in carried])
            .drop("_old_caption", "_old_logbook_label", "_old_opd_id")
        )
        con.execute("DELETE FROM posts WHERE post_key IN (SELECT post_key FROM _affected)")
        con.register("_fresh", fresh.to_arrow())
        try:
            con.execute("INSERT INTO posts BY NAME SELECT * FROM _fresh")
        finally:
            con.unregister("_fresh")
        # Campaign links of posts that no longer exist go with them.
        con.execute(
            "DELETE FROM post_campaign WHERE post_key IN (SELECT post_key FROM _affected)"
            " AND post_key NOT IN (SELECT post_key FROM posts)"
        )
    finally:
        con.unregister("_affected")
    return fresh


def _label(con: duckdb.DuckDBPyConnection, load_ids: Iterable[int | None]) -> None:
    """Content labels and campaign links for posts of the given loads (same transaction)."""
    from etl.campaigns import match_campaigns
    from etl.classify import classify_posts

    for lid in load_ids:
        classify_posts(con, lid)
        match_campaigns(con, lid)


_COMPARED = ("caption", *METRICS)


def _count_changes(prep: Prepared, before: pl.DataFrame, fresh: pl.DataFrame) -> None:
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
        .select(
            "status",
            "opd",
            "platform",
            "account_handle",
            "published_at",
            "caption",
            "post_format",
            "permalink",
            *METRICS,
            "logbook_label",
            "source_sheet",
            "source_row",
            "post_key",
        )  # fmt: skip
    )


def write_prepared(
    con: duckdb.DuckDBPyConnection,
    prep: Prepared,
    *,
    loaded_by: str | None,
    load_time: dt.datetime,
    dry_run: bool = False,
) -> int:
    """Write one prepared file in the caller's open transaction. Returns the load id."""
    r = prep.report
    message = "; ".join(r.notes) or None
    load_id = _insert_load_row(
        con,
        file_name=r.file,
        file_path=prep.file_path,
        sha256=prep.sha256,
        status="loaded",
        loaded_by=loaded_by,
        loaded_at=load_time,
        message=message,
        prep=prep,
        load_id=DRY_RUN_LOAD_ID if dry_run else None,
    )
    assert prep.obs is not None and prep.rejects is not None
    con.register("_obs", prep.obs)
    try:
        cols = ", ".join(OBS_COLUMNS)
        con.execute(
            f"INSERT INTO post_observation (load_id, {cols}) SELECT ?, {cols} FROM _obs", [load_id]
        )
    finally:
        con.unregister("_obs")
    rej = prep.rejects.with_columns(file_name=pl.lit(r.file))
    con.register("_rej", rej)
    try:
        con.execute(
            "INSERT INTO rejects (load_id, file_name, sheet, row_number, column_name, value, reason)"
            " SELECT ?, file_name, sheet, row_number, column_name, value, reason FROM _rej",
            [load_id],
        )
    finally:
        con.unregister("_rej")
    if prep.links is not None and prep.links.height:
        con.register("_links", prep.links)
        try:
            con.execute(
                "INSERT INTO post_link (load_id, post_key, link_key)"
                " SELECT ?, post_key, link_key FROM _links",
                [load_id],
            )
        finally:
            con.unregister("_links")
    if prep.coverage is not None:
        coverage.write(con, load_id, prep.coverage)
    before = _old_posts(con, prep.obs)
    fresh = _recompute_posts(con, prep.obs, before)
    _count_changes(prep, before, fresh)
    con.execute(
        "UPDATE loads SET n_new = ?, n_updated = ?, n_duplicate = ? WHERE load_id = ?",
        [r.new, r.updated, r.duplicate, load_id],
    )
    # This load's posts, plus any post whose text changed while an older load stays its newest
    # observation (a logbook caption filling an export without one): those lost their labels.
    unlabelled = fresh.filter(pl.col("content_type").is_null()).get_column("load_id").unique()
    _label(con, sorted({load_id, *unlabelled.to_list()}))
    return load_id


def _record_failure(
    con: duckdb.DuckDBPyConnection,
    *,
    report: LoadReport,
    sha256: str,
    file_path: str | None,
    loaded_by: str | None,
    load_time: dt.datetime,
) -> None:
    report.status = "failed"
    report.new = report.updated = report.duplicate = 0
    report.load_id = _insert_load_row(
        con,
        file_name=report.file,
        file_path=file_path,
        sha256=sha256,
        status="failed",
        loaded_by=loaded_by,
        loaded_at=load_time,
        message=report.error,
    )


def load_tables(
    con: duckdb.DuckDBPyConnection,
    tables: list[ParsedTable],
    *,
    file_name: str,
    sha256: str,
    file_path: str | None = None,
    opd: str | None = None,
    loaded_by: str | None = None,
    dry_run: bool = False,
) -> LoadReport:
    """Load already parsed tables of one file (load_file after parsing; tests use it directly)."""
    load_time = _now_wib()
    previous = _already_loaded(con, sha256)
    if previous is not None:
        report = LoadReport(file=file_name, status="skipped", load_id=None)
        report.error = (
            f"Berkas ini sudah dimuat pada muatan #{previous}; tidak ada yang ditambahkan."
        )
        if not dry_run:
            report.load_id = _insert_load_row(
                con,
                file_name=file_name,
                file_path=file_path,
                sha256=sha256,
                status="skipped",
                loaded_by=loaded_by,
                loaded_at=load_time,
                message=report.error,
            )
        return report

    # A dry run does the real load and rolls it back: the preview is exactly what a load does.
    report = LoadReport(file=file_name)
    con.execute("BEGIN TRANSACTION")
    try:
        prep = prepare(
            con, tables, file_name=file_name, sha256=sha256, file_path=file_path, opd=opd,
            load_time=load_time,
        )  # fmt: skip
        report = prep.report
        report.load_id = write_prepared(
            con, prep, loaded_by=loaded_by, load_time=load_time, dry_run=dry_run
        )
        con.execute("ROLLBACK" if dry_run else "COMMIT")
    except Exception as exc:
        con.execute("ROLLBACK")
        known = isinstance(exc, (FileRejected, OpdNotFound))
        report.error = str(exc) if known else f"Berkas {file_name}: kesalahan tak terduga: {exc!r}"
        report.status = "failed"
        report.load_id = None
        if not dry_run:
            report.rejects = pl.DataFrame(schema=REJECT_SCHEMA)
            report.rejected = 0
            report.preview = None
            _record_failure(
                con, report=report, sha256=sha256, file_path=file_path, loaded_by=loaded_by,
                load_time=load_time,
            )  # fmt: skip
        return report
    if dry_run:
        report.load_id = None
    report.status = "loaded"
    return report


def load_file(
    con: duckdb.DuckDBPyConnection,
    path: str | Path,
    *,
    opd: str | None = None,
    column_map: Mapping[str, str] | None = None,
    format_hint: str | None = None,
    loaded_by: str | None = None,
    data: bytes | None = None,
    file_name: str | None = None,
    dry_run: bool = False,
    optional: bool = False,
) -> LoadReport:
    """Parse and load one file (path, or bytes from the upload page with file_name).

    optional: a text file found in a folder; when it is not a post export at all it is
    reported as skipped (status 'skipped'), not failed. A recognised companion export with no
    posts (schema.NotAPostExport: daily metrics, Overview, Totals, Chart data) is always skipped
    with its reason: nothing in it is lost, and a folder load of real exports exits 0.
    """
    path = Path(path)
    name = file_name or path.name
    file_path = None if data is not None else str(path)
    try:
        raw = data if data is not None else path.read_bytes()
    except OSError as exc:
        report = LoadReport(
            file=name, status="failed", error=f"Berkas {name} tidak dapat dibaca: {exc.strerror}"
        )
        return report
    sha256 = hashlib.sha256(raw).hexdigest()
    if _already_loaded(con, sha256) is not None:
        return load_tables(
            con, [], file_name=name, sha256=sha256, file_path=file_path, opd=opd,
            loaded_by=loaded_by, dry_run=dry_run,
        )  # fmt: skip
    from etl.parse import parse_file

    try:
        tables = parse_file(
            path, data=raw, file_name=name, column_map=dict(column_map) if column_map else None,
            format_hint=format_hint,
        )  # fmt: skip
    except Exception as exc:  # a parser bug must not stop a folder load: this file fails
        msg = (
            str(exc)
            if isinstance(exc, FileRejected)
            else (f"Berkas {name}: kesalahan tak terduga saat membaca berkas: {exc!r}")
        )
        companion = isinstance(exc, NotAPostExport)
        if companion or (optional and isinstance(exc, FileRejected)):
            report = LoadReport(
                file=name,
                status="skipped",
                error=str(exc)
                if companion
                else f"Berkas '{name}' bukan ekspor postingan yang dikenali: dilewati. ({exc})",
            )
            if not dry_run:
                report.load_id = _insert_load_row(
                    con, file_name=name, file_path=file_path, sha256=sha256, status="skipped",
                    loaded_by=loaded_by, loaded_at=_now_wib(), message=report.error,
                )  # fmt: skip
            return report
        report = LoadReport(file=name, status="failed", error=msg)
        if not dry_run:
            _record_failure(
                con, report=report, sha256=sha256, file_path=file_path, loaded_by=loaded_by,
                load_time=_now_wib(),
            )  # fmt: skip
        return report
    # The export date decides which export's lifetime metrics win (not the load order).
    exported = export_date(raw, name, file_path)
    for t in tables:
        if t.exported_at is None:
            t.exported_at = exported
    return load_tables(
        con, tables, file_name=name, sha256=sha256, file_path=file_path, opd=opd,
        loaded_by=loaded_by, dry_run=dry_run,
    )  # fmt: skip


def _is_master_list(name: str) -> bool:
    from etl.matching import normalize_opd_name

    return normalize_opd_name(name).startswith("daftar akun")


def plan_paths(paths: Iterable[str | Path]) -> list[tuple[Path, bool]]:
    """Files to load, each with `optional` (a .txt/.tsv found in a folder: see load_file).

    Folders recursively (data files only), skipping Excel lock files (~$...), hidden files and
    the master list ("Daftar Akun ..."); a file named explicitly is always included.
    """
    out: list[tuple[Path, bool]] = []
    for p in map(Path, paths):
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                rel = f.relative_to(p).parts
                if not f.is_file() or any(part.startswith((".", "~$")) for part in rel):
                    continue
                # The master list often sits beside the exports; it is loaded with `opd`.
                suffix = f.suffix.lower()
                if suffix in DATA_SUFFIXES and not _is_master_list(f.name):
                    out.append((f, suffix in OPTIONAL_SUFFIXES))
        else:
            out.append((p, False))
    return out


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """The files of plan_paths, without the optional flags."""
    return [f for f, _ in plan_paths(paths)]


def load_paths(
    con: duckdb.DuckDBPyConnection,
    paths: Iterable[str | Path],
    *,
    opd: str | None = None,
    column_map: Mapping[str, str] | None = None,
    format_hint: str | None = None,
    loaded_by: str | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> list[LoadReport]:
    """Load files and folders; each file is its own transaction, so one bad file stays out."""
    files = plan_paths(paths)
    reports = []
    for i, (f, optional) in enumerate(files, start=1):
        if progress is not None:
            progress(i, len(files), str(f))
        reports.append(
            load_file(
                con,
                f,
                opd=opd,
                column_map=column_map,
                format_hint=format_hint,
                loaded_by=loaded_by,
                dry_run=dry_run,
                optional=optional,
            )  # fmt: skip
        )
    return reports


# ---------------------------------------------------------------------------------------------
# Undo and history


class UndoError(Exception):
    """Bahasa Indonesia message."""


def undo_load(con: duckdb.DuckDBPyConnection, load_id: int) -> int:
    """Take one load back out, exactly: posts become what they would be without it.

    Returns the number of posts affected (changed or removed).
    """
    rows = con.execute(
        "SELECT status, file_name FROM loads WHERE load_id = ?", [load_id]
    ).fetchall()
    if not rows:
        raise UndoError(f"Muatan #{load_id} tidak ada.")
    status, file_name = rows[0]
    if status != "loaded":
        raise UndoError(
            f"Muatan #{load_id} ({file_name}) berstatus '{status}'; hanya muatan berstatus "
            "'loaded' yang dapat dibatalkan."
        )
    con.execute("BEGIN TRANSACTION")
    try:
        keys = con.sql(
            "SELECT DISTINCT post_key FROM post_observation WHERE load_id = $id",
            params={"id": load_id},
        ).pl()
        con.execute("DELETE FROM post_observation WHERE load_id = ?", [load_id])
        con.execute("DELETE FROM rejects WHERE load_id = ?", [load_id])
        con.execute("DELETE FROM post_link WHERE load_id = ?", [load_id])
        con.execute(
            "UPDATE loads SET status = 'undone', undone_at = ? WHERE load_id = ?",
            [_now_wib(), load_id],
        )
        fresh = _recompute_posts(con, keys)
        # Posts that went back to an older observation with another text need new labels.
        relabel = (
            fresh.filter(pl.col("content_type").is_null())
            .get_column("load_id")
            .unique()
            .sort()
            .to_list()
        )
        _label(con, relabel)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return keys.height


def history(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """Every load, newest first, with the OPD name."""
    return con.sql(
        "SELECT l.load_id, l.loaded_at, l.status, l.file_name, l.format, l.platform,"
        " o.name AS opd, l.period_start, l.period_end, l.exported_at, l.rows_read, l.n_new,"
        " l.n_updated, l.n_duplicate, l.n_rejected, l.loaded_by, l.undone_at, l.message,"
        " l.file_path, l.sha256"
        " FROM loads l LEFT JOIN opd o USING (opd_id) ORDER BY l.load_id DESC"
    ).pl()
