"""Whether a warehouse's content labels can be used: every post labelled by a stored rule set
(and the active model), and the per-month content counts equal to a recount.

A warehouse whose labelling step failed or never ran still holds every load; only the labels
are missing, so the content figures would read every post as "tanpa label". The first start
(etl.bootstrap.ensure_warehouse) and the test sample (tests/factory.py) refuse such a warehouse
instead of using it.
"""

from __future__ import annotations

import duckdb

from warehouse.db import sql_text


def problems(con: duckdb.DuckDBPyConnection) -> list[str]:
    """What is wrong with the labels, one Bahasa Indonesia sentence each ([] when nothing):

    - posts exist but rule_set holds no version, or model_set no active model ('aktif');
    - posts with content_type NULL (with how many loads they belong to);
    - labelled posts without rules_version;
    - post_content_month differs from its recount (checks/post_content_month_matches_posts.sql:
      rows that differ are counted).
    """
    (row,) = con.execute(sql_text("label_health")).fetchall()  # one row always
    posts, rule_versions, active_models, unlabelled, loads, no_version = (int(v) for v in row)
    out = []
    if posts and not rule_versions:
        out.append("tabel rule_set kosong: belum ada versi aturan label yang tersimpan")
    if posts and not active_models:
        out.append("tabel model_set tidak punya model aktif")
    if unlabelled:
        out.append(f"{unlabelled} postingan dari {loads} muatan belum berlabel jenis konten")
    if no_version:
        out.append(f"{no_version} postingan berlabel tanpa versi aturan (rules_version kosong)")
    diff = con.execute(sql_text("checks/post_content_month_matches_posts")).fetchall()
    if diff:
        out.append(
            f"hitungan bulanan jenis konten (post_content_month) berbeda dari hitung ulang "
            f"pada {len(diff)} baris"
        )
    return out
