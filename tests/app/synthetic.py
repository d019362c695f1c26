"""A small fictional warehouse for the UI tests when sample_data/ has no master list yet.

Built with frames (never row by row): 24 OPDs of every kind, their accounts, about 2,500 posts
over 14 months with labels, engagement and permalinks, one load row, one campaign.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import polars as pl

from warehouse.db import connect

KINDS = (
    ["dinas"] * 8
    + ["badan"] * 4
    + ["bagian"] * 2
    + ["rsud", "inspektorat"]
    + ["kecamatan"] * 4
    + ["desa"] * 4
)
NAMES = {
    "dinas": [
        "Kesehatan",
        "Pendidikan",
        "Pertanian",
        "Perhubungan",
        "Sosial",
        "Pariwisata",
        "Lingkungan Hidup",
        "Komunikasi dan Informatika",
    ],
    "badan": [
        "Keuangan Daerah",
        "Kepegawaian",
        "Perencanaan Pembangunan",
        "Penanggulangan Bencana",
    ],
    "bagian": ["Hukum", "Protokol dan Komunikasi Pimpinan"],
    "rsud": ["Umum Daerah Sehat Sentosa"],
    "inspektorat": ["Daerah"],
    "kecamatan": ["Sukamaju", "Cibening", "Karanganyar", "Mekarsari"],
    "desa": ["Sindangsari", "Tegalwaru", "Cikupa", "Pasirjaya"],
}
CAPTIONS = {
    "ucapan": "Selamat Hari Guru Nasional! Terima kasih para pahlawan tanpa tanda jasa #HariGuru",
    "kegiatan": "Kepala dinas meninjau pelaksanaan posyandu di desa bersama kader #TanamPohon",
    "layanan": "Layanan pembuatan KTP kini bisa dilakukan di kantor kecamatan setiap hari kerja",
    "informasi": "Informasi jadwal vaksinasi minggu ini di puskesmas terdekat",
    "capaian": "Capaian realisasi program bedah rumah tahun ini mencapai 120 unit",
    "klarifikasi": "Klarifikasi: berita pungutan liar di sekolah tidak benar (hoaks)",
    "lainnya": "Suasana pagi di alun-alun",
}


def build(path: str | Path, seed: int = 4) -> Path:
    rnd = random.Random(seed)
    con = connect(path)
    opds, accounts, posts = [], [], []
    counters = {k: 0 for k in NAMES}
    acc_id = 0
    for opd_id, kind in enumerate(KINDS, start=1):
        base = NAMES[kind][counters[kind]]
        counters[kind] += 1
        prefix = {
            "dinas": "Dinas",
            "badan": "Badan",
            "bagian": "Bagian",
            "rsud": "RSUD",
            "inspektorat": "Inspektorat",
            "kecamatan": "Kecamatan",
            "desa": "Desa",
        }[kind]
        name = f"{prefix} {base}"
        has_operator = opd_id % 7 != 3
        trained = None if not has_operator else (opd_id % 5 != 2)
        opds.append(
            (
                opd_id,
                name,
                base.split()[0],
                kind,
                "Operator" if has_operator else None,
                trained,
                opd_id != 24,
            )
        )
        n_acc = 0 if opd_id in (11, 22) else (1 if kind in ("desa", "kecamatan") else 2)
        diligence = rnd.choice([0.2, 0.5, 1.0, 1.6, 2.5]) if opd_id not in (6, 19) else 0.0
        for p in ["facebook", "instagram", "tiktok"][:n_acc]:
            acc_id += 1
            handle = f"{base.lower().replace(' ', '')}{opd_id}"
            accounts.append((acc_id, opd_id, p, handle))
            day = dt.date(2025, 9, 1)
            while day <= dt.date(2026, 10, 31):
                if rnd.random() < 0.22 * diligence:
                    ct = rnd.choices(list(CAPTIONS), [30, 30, 10, 12, 8, 3, 7])[0]
                    ts = dt.datetime(day.year, day.month, day.day, rnd.randint(7, 20), 0)
                    key = f"{p}:{handle}:{len(posts)}"
                    posts.append(
                        {
                            "post_key": key,
                            "opd_id": opd_id,
                            "account_id": acc_id,
                            "platform": p,
                            "native_id": str(len(posts)),
                            "account_handle": handle,
                            "published_at": ts,
                            "caption": CAPTIONS[ct],
                            "post_format": "foto",
                            "permalink": f"https://www.{p}.com/{handle}/posts/{len(posts)}",
                            "reactions": rnd.randint(0, 300),
                            "comments": rnd.randint(0, 30),
                            "shares": rnd.randint(0, 20),
                            "reach": rnd.randint(100, 5000),
                            "content_type": ct,
                            "content_source": "rule",
                            "content_reason": f"pola '{ct}' cocok",
                            "is_figure_centric": rnd.random() < 0.15,
                            "load_id": 1,
                            "first_load_id": 1,
                            "observed_at": ts,
                        }
                    )
                day += dt.timedelta(days=1)
    opd_df = pl.DataFrame(  # noqa: F841 - read by DuckDB by name
        opds,
        orient="row",
        schema=[
            "opd_id",
            "name",
            "short_name",
            "kind",
            "operator_name",
            "operator_trained",
            "expected_to_post",
        ],
    )
    acc_df = pl.DataFrame(  # noqa: F841 - read by DuckDB by name
        accounts, orient="row", schema=["account_id", "opd_id", "platform", "handle"]
    )
    post_df = pl.DataFrame(posts)
    con.execute(
        "INSERT INTO opd (opd_id, name, short_name, kind, operator_name, operator_trained,"
        " expected_to_post) SELECT * FROM opd_df"
    )
    con.execute(
        "INSERT INTO account (account_id, opd_id, platform, handle, handle_norm, url)"
        " SELECT account_id, opd_id, platform, handle, handle,"
        " 'https://www.' || platform || '.com/' || handle FROM acc_df"
    )
    cols = ", ".join(post_df.columns)
    con.execute(f"INSERT INTO posts ({cols}) SELECT {cols} FROM post_df")
    con.execute(
        "INSERT INTO loads (load_id, file_name, sha256, rows_read, n_new, status)"
        " VALUES (1, 'sintetis.csv', 'x', ?, ?, 'loaded')",
        [len(posts), len(posts)],
    )
    for seq, n in (("opd_id_seq", len(opds)), ("account_id_seq", acc_id), ("load_id_seq", 1)):
        for _ in range(n):
            con.execute(f"SELECT nextval('{seq}')")
    from etl.campaigns import save_campaign

    save_campaign(
        con,
        "Gerakan Tanam Pohon",
        start_date=dt.date(2026, 8, 1),
        end_date=dt.date(2026, 10, 31),
        hashtags=["tanampohon"],
        keywords=[],
    )
    con.close()
    return Path(path)


if __name__ == "__main__":
    import sys

    build(sys.argv[1])
