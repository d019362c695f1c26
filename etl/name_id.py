"""Whose is a Meta export that holds no post? The id at the end of its name, learned from loads.

Meta Business Suite names an export `Oct-01-2026_Oct-31-2026_<digits>.csv`. What the digits
identify is not documented, but an export of one page carries the same digits month after
month, while the file itself (header only, in a quiet month) names no page. So an earlier
live load of the same platform whose name ends in the same digits, and whose posts all belong
to one registered account (no row rejected: a rejected row may be another page's post), says
which account the empty export reports on. The rule is evidence,
never a guess:
- it applies only when every such earlier live load points at one and the same account
  (otherwise the candidates are named and the file is refused as before);
- the load report states it as an assumption, naming the earlier file;
- it reads live loads only (warehouse/sql/load/name_id_loads.sql), so undoing the earlier
  load takes the evidence back out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from etl.coverage import FORMAT_PLATFORM
from etl.export_date import account_id_from_name
from etl.load_report import LoadReport
from etl.schema import ParsedTable
from warehouse.db import sql_text

# The formats whose file names carry Meta's id (etl.formats.meta_*).
META_FORMATS = ("meta_facebook", "meta_instagram")


@dataclass(frozen=True)
class NameIdAccount:
    """The account an id in a file name was seen with: account_id, its OPD, and the earlier
    load that shows it (load_id, file_name)."""

    name_id: str
    account_id: int
    opd_id: int
    handle: str
    opd_name: str
    load_id: int
    file_name: str

    def assumption(self, platform: str) -> str:
        """The load report's line (Bahasa Indonesia)."""
        return (
            f"Akun ditentukan dari id pada nama berkas ({self.name_id}): ekspor {platform} "
            f"sebelumnya dengan id yang sama ({self.file_name}, muatan #{self.load_id}) berisi "
            f'postingan akun {self.handle} milik "{self.opd_name}".'
        )


@dataclass(frozen=True)
class NameIdEvidence:
    """What earlier live loads say of an id: one account (`account`), several (`candidates`:
    'handle (OPD)' texts, the file is not placed), or nothing (both empty)."""

    account: NameIdAccount | None = None
    candidates: tuple[str, ...] = ()


def learned_account(
    con: duckdb.DuckDBPyConnection, *, platform: str, file_name: str, formats: list[str]
) -> NameIdEvidence:
    """The account earlier live loads tie the id in file_name to, on platform.

    Only for Meta formats (formats: the file's etl.formats names) and names that hold an id
    after their period (etl.export_date.account_id_from_name); otherwise NameIdEvidence().
    """
    name_id = account_id_from_name(file_name)
    if name_id is None or not set(formats) & set(META_FORMATS):
        return NameIdEvidence()
    rows = con.execute(
        sql_text("load/name_id_loads"),
        {"platform": platform, "formats": list(META_FORMATS), "name_id": name_id},
    ).fetchall()
    same = [r for r in rows if account_id_from_name(r[1]) == name_id]
    accounts = {r[2]: r for r in same}
    if len(accounts) == 1:
        load_id, earlier, account_id, opd_id, handle, opd_name = same[-1]
        return NameIdEvidence(
            account=NameIdAccount(name_id, account_id, opd_id, handle, opd_name, load_id, earlier)
        )
    return NameIdEvidence(
        candidates=tuple(
            f'{r[4]} ("{r[5]}")' for r in sorted(accounts.values(), key=lambda r: r[4])
        )
    )


def place_empty_export(
    con: duckdb.DuckDBPyConnection,
    tables: list[ParsedTable],
    *,
    file_name: str,
    file_opd_id: int | None,
    report: LoadReport,
) -> tuple[int | None, int | None, str]:
    """(opd_id, account_id, why) of a file without a post: the account the id in its name was
    seen with, when the evidence names one and agrees with the OPD chosen (if any); else
    (file_opd_id, None, why), why saying for a refusal why the name placed nothing.

    Writes the assumption (or the disagreement) into report.
    """
    platforms = {t.platform or FORMAT_PLATFORM.get(t.format) for t in tables} - {None}
    formats = [t.format for t in tables]
    name_id = account_id_from_name(file_name)
    if len(platforms) != 1 or name_id is None:
        return file_opd_id, None, ""
    platform = str(platforms.pop())
    ev = learned_account(con, platform=platform, file_name=file_name, formats=formats)
    if ev.account is None:
        if ev.candidates:
            why = f"id {name_id} pada namanya pernah dimuat untuk beberapa akun {platform}: "
            return file_opd_id, None, why + ", ".join(ev.candidates)
        report.waits_for_name_id = True
        why = (
            f"belum ada ekspor {platform} berisi postingan yang sudah dimuat dengan id {name_id} "
            "pada namanya dan semua barisnya milik satu akun terdaftar"
        )
        return file_opd_id, None, why
    acc = ev.account
    if file_opd_id is not None and file_opd_id != acc.opd_id:
        report.notes.append(
            f"Id pada nama berkas ({name_id}) sebelumnya dimuat untuk akun {acc.handle} milik "
            f'"{acc.opd_name}" ({acc.file_name}), bukan OPD yang dipilih: cakupan dicatat untuk '
            "OPD yang dipilih."
        )
        return file_opd_id, None, ""
    report.assumptions.append(acc.assumption(platform))
    return acc.opd_id, acc.account_id, ""


def retry_name_id_waits(
    reports: list[LoadReport],
    files: list[tuple[Path, bool]],
    load: Callable[[Path, bool], LoadReport],
) -> list[int]:
    """Load again, once, each file refused because no load had yet tied the id in its name to
    an account (report.waits_for_name_id), when another file of the same run loaded: its live
    sibling may have come after it ("Oct-..." sorts before "Sep-..."). reports[k] is files[k]'s
    report and is replaced by the new one (its notes say it was tried again); returns the
    indices loaded again (etl.load_folder.load_paths, the CLI's `load`)."""
    if not any(r.status == "loaded" for r in reports):
        return []
    again_at = []
    for k, r in enumerate(reports):
        if r.waits_for_name_id and r.status == "needs_review":
            again = load(*files[k])
            if again.status != "skipped":
                again.notes.insert(
                    0,
                    "Dicoba lagi sesudah berkas lain pada muatan ini dimuat (percobaan pertama "
                    f"ditolak: {r.error})",
                )
                reports[k] = again
                again_at.append(k)
    return again_at
