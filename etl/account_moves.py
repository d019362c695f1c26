"""What a new master list does to accounts already loaded: an account it puts under another OPD
takes what is its own along, and an account an OPD's row no longer names is dropped.

The master list carries no dates, so it says whose the account is, not since when: a moved
account's posts (posts and post_observation, so that an undo later restores them to the same
OPD), the coverage rows naming it (load_coverage, and the covered days kept from them) and both
OPDs' per-day, per-month rows are read as the new OPD's for every period, as they would be had
the list said so from the start. A registered account's posts always belong to the account's
OPD (etl.matching), and after a move that stays true.

A dropped account (its OPD's row holds the platform's column but writes "-", nothing, or another
account) is waited for no more, in any month. Its posts were loaded while the list named it, so
they stay its OPD's (the list carries no dates, and a letter already sent counted them); an
account that never had data is removed. Listing it again brings it back with its posts
(a move from no OPD). The statements: warehouse.account_writes.
"""

from __future__ import annotations

from typing import Any

import duckdb
import polars as pl

from warehouse import account_writes, coverage_days, day_counts
from warehouse.account_writes import Drop, Move

planned_moves = account_writes.planned_moves
planned_drops = account_writes.planned_drops


def follow(con: duckdb.DuckDBPyConnection, moves: list[Move], names: dict[int, str]) -> list[str]:
    """Move each account's posts, observations and coverage rows to its new OPD and recount
    the OPDs' summary rows, inside the caller's transaction. Returns the report's notes
    (Bahasa Indonesia), one per account that had posts or coverage."""
    notes: list[str] = []
    touched: set[int] = set()
    for account_id, platform, handle, old, new in moves:
        held = account_writes.holders(con, account_id)
        posts, spans = account_writes.follow(con, account_id, new)
        if not (posts or spans or (old is None and held)):
            continue
        touched |= held | {new}
        if old is None:
            notes.append(
                f"Akun {handle} ({platform}) tercantum lagi di Daftar Akun, milik "
                f'"{names.get(new, new)}": datanya kembali ditunggu; {posts} postingan dan '
                f"{spans} catatan cakupan datanya dipindah ke OPD itu."
            )
        else:
            notes.append(
                f'Akun {handle} ({platform}) kini milik "{names.get(new, new)}", bukan lagi '
                f'"{names.get(old, old)}": {posts} postingan dan {spans} catatan cakupan datanya '
                "ikut pindah (Daftar Akun tidak bertanggal: akun itu dibaca milik OPD barunya "
                "untuk semua periode)."
            )
        # the OPDs' own covered days (coverage_opd_day) follow the rows; the account's days
        # are refreshed by the master upsert (coverage_days.changed_accounts)
        coverage_days.refresh_opd_platforms(con, [(o, platform) for o in held | {new}])
    if touched:
        day_counts.recount(con, sorted(touched))
    return notes


# Daftar Akun carries no dates: what it drops is read so for past months too (README).
PAST_MONTHS = (
    "Skor platform Indeks Medsos periode lalu yang tanpa postingan OPD itu di platform ini kini "
    "tidak menghitung platform ini (kecuali OPD punya akun lain di sana)."
)


def drop(con: duckdb.DuckDBPyConnection, drops: list[Drop], names: dict[int, str]) -> list[str]:
    """Detach (data loaded) or delete (none) each dropped account, inside the caller's
    transaction. Returns the report's notes (Bahasa Indonesia), one per account."""
    notes: list[str] = []
    for account_id, platform, handle, opd_id, has_data in drops:
        opd = names.get(opd_id, opd_id)
        if not has_data:
            account_writes.delete(con, account_id)
            notes.append(
                f'Akun {handle} ({platform}) tidak lagi tercantum untuk "{opd}" dan belum pernah '
                "ada datanya: dihapus dari daftar akun, datanya tidak ditunggu lagi. " + PAST_MONTHS
            )
            continue
        posts = account_writes.detach(con, account_id)
        coverage_days.refresh_opd_platforms(con, [(opd_id, platform)])
        notes.append(
            f'Akun {handle} ({platform}) tidak lagi tercantum untuk "{opd}": datanya tidak '
            f"ditunggu lagi untuk bulan mana pun; {posts} postingan yang sudah dimuat darinya "
            "tetap dihitung untuk OPD itu (dimuat saat akun itu masih terdaftar). Bila akun itu "
            "memang bukan akun resminya, batalkan muatannya (python -m etl undo ID_MUATAN); "
            "bila terhapus karena keliru, cantumkan lagi dan muat ulang Daftar Akun. " + PAST_MONTHS
        )
    return notes


def listed_keys(entries: list[dict[str, Any]], opd_ids: list[int]) -> pl.DataFrame:
    """(opd_id, platform) the sheet speaks for: each OPD row x each platform column its sheet
    has, except where the row's account there could not be read. Shape: opd_id Int64,
    platform String."""
    rows = [
        {"opd_id": opd_id, "platform": p}
        for e, opd_id in zip(entries, opd_ids, strict=True)
        for p in e.get("platform_columns", ())
        if p not in e.get("unreadable", ())
    ]
    return pl.DataFrame(rows, schema={"opd_id": pl.Int64, "platform": pl.String})
