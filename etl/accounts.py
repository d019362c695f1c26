"""Tie every post to its master-list account (table account), or list it for the analyst.

After the OPD of each row is known (etl.matching.resolve_posts), a row whose handle matched no
account is tied, in order, by:
1. an alias the analyst mapped once (table account_alias: platform + handle as in the file);
2. the page name: a Meta export names the Page ("Dinas Kesehatan Kabupaten Sukamaju") where the
   master list may hold the same name with other abbreviations ("Dinas Kesehatan Kab.
   Sukamaju"), compared as OPD names are (etl.opd_names.normalize_opd_name), within the OPD;
3. the OPD's only account on that platform, for a row naming no account (a logbook row) or
   naming it by a display name (an export naming its Page differently from the list); a
   username that matches nothing is another account and stays untied.
Every tie by rule 2 or 3 is stated in the load report. A row still untied while its OPD has
accounts on that platform is listed with how to map it once (etl.accounts.map_alias).
"""

from __future__ import annotations

from typing import Any

import duckdb
import polars as pl

from etl.opd_names import handle_norm, normalize_opd_name
from warehouse import day_counts


def aliases(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """platform, handle_norm, account_id of every mapped alias (empty before migration 026)."""
    try:
        df: pl.DataFrame = con.sql(
            "SELECT platform, handle_norm, account_id FROM account_alias"
        ).pl()
        return df
    except duckdb.CatalogException:
        return pl.DataFrame(
            schema={"platform": pl.String, "handle_norm": pl.String, "account_id": pl.Int64}
        )


# The last master list's name keys (accounts frame, acc, per): a folder load reads the master
# list once (etl.opd_index.read_once) and ties file after file against the same frame.
_LAST_KEYS: tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame] | None = None


def _account_keys(accounts: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(acc, per) of tie: every account with its name key, and per OPD and platform the
    number of accounts and the first. Computed once per accounts frame (the same object)."""
    global _LAST_KEYS
    last = _LAST_KEYS
    if last is not None and last[0] is accounts:  # held here, so never another frame's id
        return last[1], last[2]
    acc = accounts.select(
        "platform",
        pl.col("account_id").cast(pl.Int64).alias("_acc"),
        pl.col("acc_opd_id").cast(pl.Int64).alias("opd_id"),
        pl.col("handle").alias("_acc_handle"),
        pl.col("handle")
        .map_elements(normalize_opd_name, return_dtype=pl.String)
        .alias("_name_key"),
    )
    per = acc.group_by("opd_id", "platform").agg(
        pl.len().alias("_n"), pl.col("_acc").first(), pl.col("_acc_handle").first()
    )
    _LAST_KEYS = (accounts, acc, per)
    return acc, per


def tie(
    df: pl.DataFrame, accounts: pl.DataFrame, names: dict[int, str]
) -> tuple[pl.DataFrame, list[str], list[str]]:
    """Fill account_id of rows that have an opd_id but no account (rules 2 and 3).

    df: resolved posts (opd_id, platform, account_id, account_handle); accounts: the master
    list's accounts (platform, handle, account_id, acc_opd_id). Returns (df, assumptions,
    notes for untied rows), Bahasa Indonesia.
    """
    if df.height == 0 or accounts.height == 0:
        return df, [], []
    if not _any_loose(df):  # every placed row has its account (most exports): nothing to tie
        return df.with_columns(pl.col("account_id").cast(pl.Int64)), [], []
    acc, per = _account_keys(accounts)
    keys = df.select(
        pl.col("account_handle")
        .map_elements(normalize_opd_name, return_dtype=pl.String, skip_nulls=True)
        .alias("_name_key")
    )
    out = df.with_columns(keys.to_series(), pl.col("account_id").cast(pl.Int64)).with_row_index(
        "_i"
    )
    loose = pl.col("account_id").is_null() & pl.col("opd_id").is_not_null()
    by_name = (
        out.filter(loose & pl.col("_name_key").is_not_null())
        .join(acc, on=["opd_id", "platform", "_name_key"], how="inner")
        .unique(subset="_i", keep="first")
        .select("_i", pl.col("_acc").alias("_by_name"), pl.col("_acc_handle").alias("_nh"))
    )
    out = out.join(by_name, on="_i", how="left").join(per, on=["opd_id", "platform"], how="left")
    # The only account: for a row naming no account, or naming it by a display name (a Page
    # name has spaces); a username that matches nothing is another account, never re-tied.
    unnamed = pl.col("account_handle").is_null() | pl.col("account_handle").str.contains(r"\s")
    only = loose & pl.col("_by_name").is_null() & (pl.col("_n") == 1) & unnamed
    assumptions: list[str] = []
    for (opd_id, platform, acc_handle, file_handle), n in _groups(out, loose, unnamed):
        said = f"berkas menyebut '{file_handle}'" if file_handle else "baris tanpa nama akun"
        assumptions.append(
            f"{n} postingan {platform} {names.get(opd_id, opd_id)} dikaitkan ke akun "
            f"'{acc_handle}' di Daftar Akun ({said}): satu-satunya akun {platform} OPD itu, atau "
            "nama halamannya sama."
        )
    out = out.with_columns(
        pl.coalesce("account_id", "_by_name", pl.when(only).then(pl.col("_acc"))).alias(
            "account_id"
        )
    )
    untied = (
        out.filter(pl.col("account_id").is_null() & (pl.col("_n") >= 1))
        .group_by("opd_id", "platform", "account_handle")
        .agg(pl.len().alias("n"), pl.col("_n").first())
        .sort("opd_id", "platform")
    )
    notes = [
        f"{n} postingan {platform} {names.get(opd_id, opd_id)} ('{h or 'tanpa nama akun'}') "
        f"belum terkait akun: OPD ini punya {k} akun {platform} di Daftar Akun dan tidak ada "
        "yang cocok. Bila akun itu sama, petakan sekali (diingat untuk muatan berikutnya): "
        "python -m etl "
        f'akun --platform {platform} --nama "{h or ""}" --akun "HANDLE DI DAFTAR".'
        for opd_id, platform, h, n, k in untied.iter_rows()
    ]
    drop = ["_i", "_name_key", "_by_name", "_nh", "_n", "_acc", "_acc_handle"]
    return out.drop(drop), assumptions, notes


def _any_loose(df: pl.DataFrame) -> bool:
    """Whether a row has an OPD but no account (what tie fills or lists)."""
    loose = pl.col("account_id").is_null() & pl.col("opd_id").is_not_null()
    return bool(df.select(loose.any()).item())


def _groups(
    out: pl.DataFrame, loose: pl.Expr, unnamed: pl.Expr
) -> list[tuple[tuple[Any, Any, Any, Any], int]]:
    tied = out.filter(loose & (pl.col("_by_name").is_not_null() | ((pl.col("_n") == 1) & unnamed)))
    g = (
        tied.with_columns(pl.coalesce("_nh", "_acc_handle").alias("_h"))
        .group_by("opd_id", "platform", "_h", "account_handle")
        .len()
        .sort("opd_id", "platform", "account_handle", nulls_last=True)
    )
    return [((o, p, a, h), n) for o, p, a, h, n in g.iter_rows()]


def map_alias(
    con: duckdb.DuckDBPyConnection, platform: str, written: str, account_handle: str
) -> tuple[int, int]:
    """Remember that `written` (a handle or page name as files write it) is the master-list
    account `account_handle` on `platform`, and tie the untied posts already loaded under that
    name. Returns (account_id, posts tied). Raises ValueError (Bahasa Indonesia)."""
    norm = handle_norm(platform, written)
    target = handle_norm(platform, account_handle)
    row = con.execute(
        "SELECT account_id, opd_id FROM account WHERE platform = ? AND handle_norm = ?"
        " AND opd_id IS NOT NULL",  # a dropped account is on no list (etl.account_moves)
        [platform, target],
    ).fetchall()
    if not norm or not row:
        raise ValueError(
            f"Akun '{account_handle}' ({platform}) tidak ada di Daftar Akun Medsos OPD."
        )
    account_id, opd_id = row[0]
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(
            "INSERT OR REPLACE INTO account_alias (platform, handle_norm, account_id)"
            " VALUES (?, ?, ?)",
            [platform, norm, account_id],
        )
        params = [account_id, platform, opd_id]
        where = " WHERE account_id IS NULL AND platform = ? AND opd_id = ?"
        handles = con.execute(
            "SELECT DISTINCT account_handle FROM post_observation" + where, params[1:]
        ).fetchall()
        hit = [h for (h,) in handles if h is not None and handle_norm(platform, h) == norm]
        n = 0
        for h in hit:
            n += con.execute(
                "UPDATE posts SET account_id = ?" + where + " AND account_handle = ?",
                [*params, h],
            ).fetchall()[0][0]
            con.execute(
                "UPDATE post_observation SET account_id = ?" + where + " AND account_handle = ?",
                [*params, h],
            )
        if n:  # those posts' account changed: their per-day counts too
            day_counts.recount(con, [opd_id])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return int(account_id), int(n)
