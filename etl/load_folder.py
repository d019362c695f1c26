"""Load files and folders: which files a folder holds, the next file parsed while this one is
written, OPDs and accounts read once, and the folder's posts labelled once at the end. Each
file is still its own transaction (etl.load.load_file)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import duckdb

from etl.label_passes import label_batch, postponed
from etl.load import Parsed, load_file, parse_bytes
from etl.load_batch import Batch
from etl.load_report import LoadReport
from etl.name_id import retry_name_id_waits
from etl.opd_index import read_once
from etl.write import already_loaded

# File types a folder load picks up; a file named explicitly is always tried.
DATA_SUFFIXES = {".csv", ".xlsx", ".xlsm", ".xls", ".zip", ".tsv", ".txt"}
# Found in a folder, these load only when they parse as a known layout (Excel "Unicode Text"
# logbooks are .txt): anything else, a readme say, is reported as skipped, not as a failure.
OPTIONAL_SUFFIXES = {".txt", ".tsv"}

Progress = Callable[[int, int, str], None]
# Files parsed ahead while one is written: the next always; up to AHEAD_FILES while each of
# them and the one before it are at most AHEAD_BYTES (two large files are never parsed at
# once: memory). At most PARSE_AT_ONCE of them parse at the same time (the parse workers);
# the rest wait their turn in file order. Deep, because small files differ: a logbook of
# eleven sheets parses several times longer than its load takes, a 50-row export the other
# way round, so a shallow look-ahead leaves the writer waiting at every logbook while the
# workers wait for it at every export.
AHEAD_FILES = 12
PARSE_AT_ONCE = 2
AHEAD_BYTES = 1 << 20


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
    date_order: str | None = None,
    loaded_by: str | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
    previews: bool = False,
) -> list[LoadReport]:
    """Load files and folders; each file is its own transaction, so one bad file stays out.

    Labels and campaign links are computed per batch of files, in the batch's transaction (its
    posts inserted labelled: etl.load_batch); a post's label depends on that post alone, so
    this equals labelling file by file. Files loaded again one by one after a batch failed are
    labelled once, after the last file (label_batch); until then their posts have no content
    type. OPDs and accounts are read once (no load changes
    them). The next file is parsed (in its bounded child process) while this one is written,
    and up to AHEAD_FILES ahead while they are small (AHEAD_BYTES), PARSE_AT_ONCE at a time;
    a file already loaded is not parsed ahead. Outcomes are load_file's, file by file, in order;
    when those labels could not be computed, every loaded file's report carries label_batch's
    reason in `notes` (the loads stay). Several files share one transaction (etl.load_batch);
    an error once a file started writing rolls the batch back and its files are loaded again
    one transaction each. previews: keep each report's row-by-row `preview` (the upload page's,
    a copy of every row of the file); by default it is dropped once the file's batch is done,
    since a folder of a million rows would hold them all.
    """
    files = plan_paths(paths)

    def ahead(f: Path) -> Parsed | None:
        try:
            raw = f.read_bytes()
        except OSError:
            return None  # load_file reports it
        return parse_bytes(
            f, raw, name=f.name, file_path=str(f), column_map=column_map,
            format_hint=format_hint, date_order=date_order,
        )  # fmt: skip

    shas: dict[int, str] = {}  # file index -> sha256, of the files found not loaded yet
    looked: dict[int, int] = {}  # file index -> index of the file about to load at its look-up

    def wanted(j: int, current: int) -> bool:
        looked[j] = current
        try:
            sha = hashlib.sha256(files[j][0].read_bytes()).hexdigest()
        except OSError:
            return False
        if already_loaded(con, sha, files[j][0].name) is not None:
            return False
        shas[j] = sha
        return True

    def known_new(j: int) -> str | None:
        """The sha256 of file j when asking "already loaded?" again is needless: it was not
        loaded when looked up, and no file loaded since (the one about to load then, up to
        j - 1) has the same bytes."""
        sha = shas.get(j)
        if sha is None or any(shas.get(k) == sha for k in range(looked.get(j, j - 1), j)):
            return None
        return sha

    def small(j: int) -> bool:
        try:
            return 0 <= j < len(files) and files[j][0].stat().st_size <= AHEAD_BYTES
        except OSError:
            return False

    reports: list[LoadReport] = []
    labels: set[int] | None = None if dry_run else set()
    batch = None if dry_run else Batch(con)
    # This batch's files, to load again one transaction each when the batch is rolled back.
    held: list[tuple[Path, bool, Parsed | None]] = []
    first = 0  # index in `reports` of the batch's first file

    def load(
        f: Path, optional: bool, parsed: Parsed | None, in_batch: bool, new: str | None = None
    ) -> LoadReport:
        return load_file(
            con, f, opd=opd, column_map=column_map, format_hint=format_hint,
            date_order=date_order, loaded_by=loaded_by, dry_run=dry_run, optional=optional,
            parsed=parsed, labels=batch.labels if in_batch and batch else labels,
            batch=batch if in_batch else None, known_new=new,
        )  # fmt: skip

    def replay() -> None:
        """The batch is rolled back: its files again, each its own transaction."""
        assert batch is not None
        batch.rollback()
        del reports[first:]
        reports.extend(load(f, optional, parsed, False) for f, optional, parsed in held)
        held.clear()
        settled(first)

    def commit() -> None:
        assert batch is not None and labels is not None
        try:
            labels.update(batch.commit())
        except Exception:
            replay()
            return
        held.clear()
        settled(first)

    def settled(start: int) -> None:
        """reports[start:] are final: drop their previews unless asked to keep them."""
        if not previews:
            for r in reports[start:]:
                r.preview = None

    pending: dict[int, Future[Parsed | None]] = {}
    to_look = 0  # the next file to look up (and parse ahead when not loaded yet)

    def look_ahead(current: int) -> None:
        """Look up and parse ahead the next file, and more while they are small."""
        nonlocal to_look
        while to_look < len(files) and (
            to_look <= current + 1
            or (to_look <= current + AHEAD_FILES and small(to_look) and small(to_look - 1))
        ):
            j, to_look = to_look, to_look + 1
            if wanted(j, current):
                pending[j] = pool.submit(ahead, files[j][0])

    with (
        read_once(con),
        ThreadPoolExecutor(PARSE_AT_ONCE, thread_name_prefix="parse-ahead") as pool,
    ):
        look_ahead(-1)
        for i, (f, optional) in enumerate(files, start=1):
            if progress is not None:
                progress(i, len(files), str(f))
            future = pending.pop(i - 1, None)
            parsed = future.result() if future is not None else None
            new = known_new(i - 1)  # before file i - 1 is loaded (its own look-up is older)
            look_ahead(i - 1)
            if batch is None:
                reports.append(load(f, optional, parsed, False))
                settled(len(reports) - 1)
                continue
            if not held:
                first = len(reports)
            held.append((f, optional, parsed))
            try:
                batch.begin()
                reports.append(load(f, optional, parsed, True, new))
            except Exception:
                replay()
                continue
            if batch.full():
                commit()
        if batch is not None:
            commit()
    if not dry_run:
        retry_name_id_waits(reports, files, lambda f, optional: load(f, optional, None, False))
    if labels is not None:
        problem = label_batch(con, labels)
        if problem is not None:  # the loads stay; every loaded file's report says so
            for r in reports:
                if r.status == "loaded":
                    r.notes.append(postponed(problem))
    return reports
