"""A platform export of an account the master list does not hold is refused, not counted.

A platform's export (Meta, TikTok, YouTube, X) is one account's own data. When its posts were
placed on an OPD (by the folder or file name, or the uploader's choice) that has no account on
that platform in the master list, nothing ties them to an official account: loaded, they would
make the OPD active on a channel nobody registered (its personal page, a fan page, a
mislabelled folder), and the posts would stay loose in every per-account figure. So the file is
refused, naming the OPD, the platform, the rows, and how to register the account. An OPD's own
logbook is not refused this way: it declares its posts itself (its rows stay untied, as
etl.accounts says), and a row naming an unregistered account of an OPD that has accounts on
that platform is tied or listed there.
"""

from __future__ import annotations

from collections.abc import Mapping

import duckdb
import polars as pl

from etl.coverage import FORMAT_PLATFORM
from etl.export_date import account_id_from_name
from etl.opd_names import handle_norm
from etl.schema import FileRejected
from warehouse.db import sql_text

LOGBOOK = "logbook"


def refuse_unregistered_export(
    posts: pl.DataFrame,
    accounts: pl.DataFrame,
    names: Mapping[int, str],
    formats: list[str],
    file_name: str,
) -> None:
    """Raise FileRejected when a platform export (no logbook among `formats`) holds posts tied
    to no account (account_id null) of an OPD with no account on their platform.

    posts: resolved rows (opd_id, account_id, platform, source_sheet, source_row); accounts:
    the master list's accounts (platform, acc_opd_id); names: OPD id -> name.
    """
    if LOGBOOK in formats or posts.height == 0:
        return
    held = accounts.select(pl.col("acc_opd_id").cast(pl.Int64).alias("opd_id"), "platform")
    loose = posts.filter(pl.col("account_id").is_null() & pl.col("opd_id").is_not_null()).join(
        held.unique(), on=["opd_id", "platform"], how="anti"
    )
    if loose.height == 0:
        return
    first = loose.sort("source_row").row(0, named=True)
    opd = names.get(first["opd_id"], str(first["opd_id"]))
    platform = first["platform"]
    rows = loose.filter(
        (pl.col("opd_id") == first["opd_id"]) & (pl.col("platform") == platform)
    ).get_column("source_row")
    shown = ", ".join(str(r) for r in rows.head(5).to_list()) + (" ..." if rows.len() > 5 else "")
    sheet = f", sheet '{first['source_sheet']}'" if first.get("source_sheet") else ""
    raise FileRejected(
        f"Berkas {file_name}{sheet}: {rows.len()} postingan {platform} (baris {shown}) akan "
        f'dihitung untuk "{opd}", tetapi OPD itu belum punya akun {platform} di Daftar Akun '
        f"Medsos OPD, jadi tidak ada akun resmi yang dapat dikaitkan dan berkas tidak dimuat. "
        f"Bila akun ini memang akun resmi {opd}, tambahkan ke Daftar Akun Medsos OPD, muat "
        f"ulang daftar itu (python -m etl opd BERKAS.xlsx), lalu muat ulang berkas ini; bila "
        f"berkas ini milik OPD lain, pilih OPD itu (--opd) atau perbaiki nama folder/berkas."
    )


def refuse_dropped_export(
    con: duckdb.DuckDBPyConnection, posts: pl.DataFrame, formats: list[str], file_name: str
) -> None:
    """Raise FileRejected when a platform export is of an account a master list dropped
    (etl.account_moves): its posts name the dropped handle, or its name ends in the id of an
    export loaded for it. Without this, the OPD's remaining account on that platform (the page
    that replaced it) took the old page's posts and coverage (independent evaluator 16's X1)."""
    if LOGBOOK in formats:
        return
    platforms = sorted(
        set(posts.get_column("platform").drop_nulls().to_list())
        | {FORMAT_PLATFORM[f] for f in formats if f in FORMAT_PLATFORM}
    )
    if not platforms:
        return
    dropped = con.sql(sql_text("load/dropped_accounts"), params={"file_platforms": platforms}).pl()
    if dropped.height == 0:
        return
    name_id = account_id_from_name(file_name)
    hit = None
    if name_id is not None:
        by_id = dropped.filter(
            pl.col("file_name").is_not_null()
            & (
                pl.col("file_name").map_elements(account_id_from_name, return_dtype=pl.String)
                == name_id
            )
        )
        hit = by_id.row(0, named=True) if by_id.height else None
    if hit is None and posts.height:
        written = {
            (p, handle_norm(p, h))
            for p, h in posts.select("platform", "account_handle").unique().iter_rows()
            if p and h
        }
        for row in dropped.iter_rows(named=True):
            if (row["platform"], row["handle_norm"]) in written:
                hit = row
                break
    if hit is None:
        return
    raise FileRejected(
        f"Berkas {file_name}: ekspor akun {hit['handle']} ({hit['platform']}), yang sudah dilepas "
        "dari Daftar Akun Medsos OPD (tidak lagi tercantum untuk OPD mana pun), jadi tidak "
        "dimuat: postingannya tidak dihitung untuk akun lain OPD itu. Bila akun ini masih akun "
        "resmi OPD, cantumkan lagi di Daftar Akun, muat ulang daftar itu (python -m etl opd "
        "BERKAS.xlsx), lalu muat ulang berkas ini."
    )
