"""Several files of a folder load written in one transaction, with the writes that do not feed
the next file's load made once for the batch.

Per file, inside the batch: its loads row, rejects and post links (the next file's keys are
looked up in post_link: etl.keys.adopt_known_keys). Deferred to the COMMIT: the observations,
the posts recomputed from them (inserted labelled; the labelling pass and the campaign links
follow in the same transaction, so a conflict there rolls the batch back like any other
failure, and no file is left committed without its labels), per-day counts (post_day_count), per-month content counts
(post_content_month), coverage rows (load_coverage), each file's new/updated/duplicate counts,
preview and loads row report: no later file's load reads them.

Why: on small files most of a load's time is DuckDB's fixed cost per statement (about 1 ms to
register a frame, 2 to 6 ms a query), and a COMMIT is the dearest of them (about 15 ms). The
posts of a batch's files are read once (posts rows and live observations of every post_key
the batch touches, as they were when the batch began) and recomputed file after file in
memory, then written in one DELETE and one INSERT. Every file still keeps its own outcome: a
file refused before it wrote anything (unreadable, rejected rows, unknown OPD) gets its loads
row inside the batch and nothing else; any error once a file has started writing, or at the
COMMIT (the deferred writes included), rolls the whole batch back, and load_paths loads the
batch's files again one transaction each, so a failing file stays out entirely with its own
message (load ids taken by the rolled-back batch are then skipped: DuckDB sequences do not
roll back).

Identical results: file i's posts are computed (etl.recompute.newest_posts) from the live
observations the warehouse had when the batch began plus those of the batch's files up to i,
and its "before" rows are the posts as file i - 1 left them: what recompute_posts reads from
the warehouse when each file writes at once. Its counts (etl.recompute.count_changes_many, all
the batch's files at once) compare the same rows. post_day_count is additive, so one merge of
all the files' changes equals one merge per file; post_content_month's touched months are
recounted from posts after the last file, which is what the last per-file recount of each
month gave.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb
import polars as pl

from etl import coverage, recompute
from etl.load_report import LoadReport
from etl.prepare import Prepared
from etl.write import (
    insert_observations,
    to_label,
)
from warehouse import day_counts

# A batch ends at whichever comes first: a failure replays at most this much, and a stop
# (power cut, closed app) loses at most one batch (loaded again by the next folder load).
MAX_FILES = 48
MAX_ROWS = 60_000
# post_link rows a batch keeps in memory to answer "no identity of this file seen before"
# without a query (etl.keys.adopt_known_keys); a larger warehouse is asked per file.
LINKS_IN_MEMORY = 200_000
# Columns of posts frames that the per-day and per-month (content, format) counts read.
_COUNT_COLUMNS = ("opd_id", "account_id", "platform", "published_at", "post_format", "load_id")


class BatchBroken(Exception):
    """A file failed after it started writing in a batch: the batch must be rolled back."""


@dataclass
class Batch:
    """One open transaction of a folder load and its deferred writes (see module docstring).

    labels: load ids whose posts need labels (labelled before the COMMIT); written files (prepared file, load id) wait in _files for the COMMIT."""

    con: duckdb.DuckDBPyConnection
    files: int = 0
    rows: int = 0
    is_open: bool = False
    labels: set[int] = field(default_factory=set)
    _removed: list[pl.DataFrame] = field(default_factory=list)
    _added: list[pl.DataFrame] = field(default_factory=list)
    _coverage: list[pl.DataFrame] = field(default_factory=list)
    _counts: list[tuple[int, int, int, int, str]] = field(default_factory=list)
    _files: list[tuple[Prepared, int]] = field(default_factory=list)
    links: set[str] | None = None  # link keys post_link shows this transaction, when kept

    def begin(self) -> None:
        """Open the batch's transaction. A transaction reads post_link as it was when it began
        plus its own writes, so when the table is small its link keys are read once here and
        each file's links added as they are written (add_file): `links` is then every key a
        probe of post_link could find."""
        if not self.is_open:
            self.con.execute("BEGIN TRANSACTION")
            self.is_open = True
            (n,) = self.con.execute("SELECT count(*) FROM post_link").fetchall()[0]
            self.links = (
                {k for (k,) in self.con.execute("SELECT link_key FROM post_link").fetchall()}
                if n <= LINKS_IN_MEMORY
                else None
            )

    def full(self) -> bool:
        return self.files >= MAX_FILES or self.rows >= MAX_ROWS

    def day_change(self, removed: pl.DataFrame, added: pl.DataFrame) -> None:
        """Posts rows that left and came in (etl.recompute.newest_posts), counted at COMMIT."""
        for frames, df in ((self._removed, removed), (self._added, added)):
            if df.height:
                frames.append(df.select(_COUNT_COLUMNS))

    def add_file(self, prep: Prepared, load_id: int) -> None:
        """A file whose loads row, rejects and links are written: the rest at COMMIT."""
        assert prep.obs is not None
        self._files.append((prep, load_id))
        if self.links is not None and prep.links is not None:
            self.links.update(prep.links.get_column("link_key").to_list())
        self.rows += prep.obs.height
        if prep.coverage is not None:
            self.add_coverage(load_id, prep.coverage)

    def add_coverage(self, load_id: int, frame: pl.DataFrame) -> None:
        if frame.height:
            self._coverage.append(frame.with_columns(load_id=pl.lit(load_id, pl.Int64)))

    def add_counts(self, load_id: int, report: LoadReport) -> None:
        """A written load's counts and report, stored in its loads row at COMMIT. The report is
        stored as a load of its own stores it: written before its load id is set on it."""
        own, report.load_id = report.load_id, None
        try:
            stored = report.stored()
        finally:
            report.load_id = own
        self._counts.append((load_id, report.new, report.updated, report.duplicate, stored))

    def commit(self) -> set[int]:
        """Write the deferred posts, counts and coverage, label the batch's loads, COMMIT;
        returns the loads left to label (none: the set is kept for the callers' contract).
        Raises what the writes, the labelling or the COMMIT raise (the caller rolls back and
        replays)."""
        if self.is_open:
            self._write_posts()
            day_counts.apply_change(self.con, _concat(self._removed), _concat(self._added))
            if self._coverage:
                coverage.write_many(self.con, pl.concat(self._coverage, how="vertical_relaxed"))
            if self._counts:
                self._write_counts()
            # Labels and campaign links in the batch's own transaction: its posts went in
            # labelled (_write_posts), so this pass labels only what the insert did not touch
            # (an older load's posts still unlabelled) and makes the campaign links. A failure
            # here is the batch's: rolled back, its files loaded again one by one.
            if self.labels:
                recompute.label(self.con, sorted(self.labels))
            self.con.execute("COMMIT")
        self._reset()
        return set()

    def _write_posts(self) -> None:
        """The batch's files, in order: each one's posts recomputed in memory from the live
        observations before it (see module docstring), its counts and report; then the
        observations and posts of all of them written at once.

        A post_key only one file of the batch touches is computed once for the whole batch
        (one newest_posts over those keys): its rows before that file are the rows the batch
        began with, and its rows after are the final ones, since no other file of the batch
        changes them. Only keys several files touch are recomputed file after file."""
        if not self._files:
            return
        con = self.con
        obs = pl.concat(
            [
                p.obs.with_columns(  # type: ignore[union-attr]
                    load_id=pl.lit(load_id, pl.Int64),
                    _from_export=pl.lit("logbook" not in ", ".join(p.formats)),
                    _f=pl.lit(i, pl.Int32),
                )
                for i, (p, load_id) in enumerate(self._files)
            ],
            how="vertical_relaxed",
        )
        keys = obs.select("post_key").unique()
        start = recompute.old_posts(con, keys)  # as the batch found them
        live = recompute.live_observations(con, keys)
        posts_schema, live_schema = start.schema, live.schema
        seen = obs.with_columns(from_export=pl.col("_from_export")).select(
            [pl.col(c).cast(t) for c, t in live_schema.items()]
        )
        # prep.obs holds one row per post_key: a key's row count is its number of files.
        multi = obs.group_by("post_key").len().filter(pl.col("len") > 1).select("post_key")

        def cast(df: pl.DataFrame) -> pl.DataFrame:
            return df.select([pl.col(c).cast(t) for c, t in posts_schema.items()])

        single_start = start.join(multi, on="post_key", how="anti")
        single = cast(
            recompute.newest_posts(
                pl.concat([live, seen]).join(multi, on="post_key", how="anti"), single_start
            )
        )
        self.day_change(single_start, single)
        file_keys = obs.select("post_key", "_f").join(multi, on="post_key", how="anti")
        befores = [single_start.join(file_keys, on="post_key")]  # with each row's file, _f
        afters = [single.join(file_keys, on="post_key")]
        self.labels.update(single.filter(pl.col("content_type").is_null())["load_id"].to_list())
        # Keys several files touch: file after file, as each file's own load would.
        current = start.join(multi, on="post_key", how="semi")
        shared_live = live.join(multi, on="post_key", how="semi")
        shared_seen = seen.with_columns(obs["_f"]).join(multi, on="post_key", how="semi")
        shared = _by_file(shared_seen) if multi.height else {}
        for i, (_prep, load_id) in enumerate(self._files):
            mine = shared.get(i)
            if mine is not None:
                shared_live = pl.concat([shared_live, mine])
                keys_i = mine.select("post_key")
                was = current.join(keys_i, on="post_key", how="semi")
                now = cast(
                    recompute.newest_posts(shared_live.join(keys_i, on="post_key", how="semi"), was)
                )
                self.day_change(was, now)
                self.labels.update(to_label(load_id, now))
                current = pl.concat([current.join(keys_i, on="post_key", how="anti"), now])
                file_i = pl.lit(i, pl.Int32).alias("_f")
                befores.append(was.with_columns(file_i))
                afters.append(now.with_columns(file_i))
            self.labels.add(load_id)
        preps = [p for p, _ in self._files]
        recompute.count_changes_many(preps, obs, pl.concat(befores), pl.concat(afters))
        for prep, load_id in self._files:
            self.add_counts(load_id, prep.report)
        insert_observations(con, obs.drop("_from_export", "_f"))
        # Inserted labelled: the rows the batch's labelling pass (commit) would label after
        # the insert, with the same function (etl.classify.fresh, as an upload does).
        from etl.classify import fresh

        written = fresh.with_labels(con, pl.concat([single, current]), self.labels)
        recompute.replace_posts(con, keys, start, written)

    def _write_counts(self) -> None:
        counts = pl.DataFrame(
            self._counts,
            schema={"load_id": pl.Int64, "n_new": pl.Int64, "n_updated": pl.Int64,
                    "n_duplicate": pl.Int64, "report": pl.String},
            orient="row",
        )  # fmt: skip
        self.con.register("_load_counts", counts.to_arrow())
        try:
            self.con.execute(
                "UPDATE loads SET n_new = c.n_new, n_updated = c.n_updated,"
                " n_duplicate = c.n_duplicate, report = c.report"
                " FROM _load_counts c WHERE loads.load_id = c.load_id"
            )
        finally:
            self.con.unregister("_load_counts")

    def rollback(self) -> None:
        if self.is_open:
            try:
                self.con.execute("ROLLBACK")
            except duckdb.TransactionException as exc:  # a failed COMMIT has ended it
                if "no transaction is active" not in str(exc):
                    raise
        self._reset()

    def _reset(self) -> None:
        self.is_open = False
        self.files = self.rows = 0
        self.labels = set()
        self._removed, self._added, self._coverage, self._counts = [], [], [], []
        self._files = []


def _concat(frames: list[pl.DataFrame]) -> pl.DataFrame | None:
    return pl.concat(frames, how="vertical_relaxed") if frames else None


def _by_file(df: pl.DataFrame) -> dict[int, pl.DataFrame]:
    """Rows of a frame with the batch's file index `_f`, per file (`_f` dropped)."""
    return {
        int(k[0]): part
        for k, part in df.partition_by("_f", as_dict=True, include_key=False).items()
    }
