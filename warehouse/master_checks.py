"""Contradictions in the master list (Daftar Akun Medsos OPD), shown to the analyst.

A master-list row can say two things that cannot both be true ("no operator" and "operator
trained: Ya"). The figures keep reading the list as written (an OPD without an operator name
counts as "tanpa operator"), so the analyst must see where the list disagrees with itself and
fix it at the source, then load it again.
"""

from __future__ import annotations

import duckdb
import polars as pl

from warehouse.db import sql_text

# code -> (Indonesian, English): what is wrong and what the figures do with it.
PROBLEMS: dict[str, tuple[str, str]] = {
    "trained_without_operator": (
        'Nama operator kosong, tetapi "Sudah pelatihan: Ya". Dihitung sebagai OPD tanpa '
        "operator sampai nama operator diisi.",
        'No operator name, yet "trained: yes". Counted as an OPD without an operator until '
        "the name is filled in.",
    ),
    "phone_without_operator": (
        "Nomor HP operator ada, tetapi nama operator kosong. Dihitung tanpa operator.",
        "An operator phone number but no operator name. Counted as without an operator.",
    ),
    "village_without_kecamatan": (
        "Desa/kelurahan tanpa kecamatan induk: tidak ikut rekap per kecamatan.",
        "A desa/kelurahan with no kecamatan above it: left out of the per-kecamatan roll-up.",
    ),
    "parent_not_kecamatan": (
        "Induk desa/kelurahan ini bukan kecamatan.",
        "The OPD above this desa/kelurahan is not a kecamatan.",
    ),
    "parent_of_non_village": (
        "OPD ini bukan desa/kelurahan tetapi punya induk.",
        "This OPD is not a desa/kelurahan but has an OPD above it.",
    ),
    "not_expected_with_posts": (
        "Ditandai tidak wajib mengunggah, tetapi punya postingan: tidak ikut tingkat keaktifan.",
        "Marked as not required to post, yet it has posts: left out of the activity rate.",
    ),
}


def contradictions(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """Every contradiction in the master list. Grain: OPD x problem.

    Columns: opd_id, opd, opd_kind, master_row (row in the master sheet, null if unknown),
    code (a key of PROBLEMS), problem (Indonesian text), problem_en, has_operator,
    has_phone (bool), operator_trained (bool or null), expected_to_post (bool), parent_opd.
    """
    cur = con.cursor()
    try:
        df: pl.DataFrame = cur.sql(sql_text("q_master_contradictions")).pl()
    finally:
        cur.close()
    ids = {k: v[0] for k, v in PROBLEMS.items()}
    ens = {k: v[1] for k, v in PROBLEMS.items()}
    return df.with_columns(
        pl.col("code").replace_strict(ids, return_dtype=pl.String).alias("problem"),
        pl.col("code").replace_strict(ens, return_dtype=pl.String).alias("problem_en"),
    )
