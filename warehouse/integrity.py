"""Integrity check run when the warehouse is opened for writing: are loads wholly present or
wholly absent, and does every access path see the same rows?

A kill during a commit or checkpoint once left a load's rows counted by `GROUP BY load_id` and
invisible to `WHERE load_id = N` (docs/duckdb-wal-replay-visibility.md): every page and
`undo` then silently disagreed. The checks:

1. per table holding load_id (post_observation, posts, post_link, rejects), the per-load counts
   from a full scan (GROUP BY) equal the counts through a filtered scan (WHERE load_id = N, and
   a range filter), for the newest RECENT loads and for the table as a whole;
2. every load_id in those tables belongs to a load with status 'loaded' (no half-undone or
   failed load left rows behind);
3. every 'loaded' load that reported new or updated posts has observations;
4. posts holds each post_key once (two writes at once without the write turn stored the same
   posts once per load, every count then too high).

`problems(con)` returns Bahasa Indonesia lines, empty when the warehouse is whole;
`refusal(db, problems)` is the message shown instead of serving it (with restore steps).
"""

from __future__ import annotations

from pathlib import Path

import duckdb

LOAD_TABLES = ("post_observation", "posts", "post_link", "rejects")
RECENT = 20


class WarehouseCorrupt(Exception):
    """The warehouse failed the integrity check. Bahasa Indonesia message with restore steps."""


def _has(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    row = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database()"
        " AND table_name = $t",
        {"t": table},
    ).fetchall()[0]
    return bool(row and row[0])


def problems(con: duckdb.DuckDBPyConnection) -> list[str]:
    """What is wrong with the warehouse's loads (Bahasa Indonesia lines); [] when whole."""
    if not _has(con, "loads"):
        return []
    out: list[str] = []
    recent = [
        r[0]
        for r in con.execute(
            "SELECT load_id FROM loads ORDER BY load_id DESC LIMIT $n", {"n": RECENT}
        ).fetchall()
    ]
    status = dict(con.execute("SELECT load_id, status FROM loads").fetchall())
    for table in LOAD_TABLES:
        if not _has(con, table):
            continue
        # Table names come from LOAD_TABLES above, never from input.
        grouped = dict(
            con.execute(f"SELECT load_id, count(*) FROM {table} GROUP BY load_id").fetchall()
        )
        total = sum(grouped.values())
        (ranged,) = con.execute(
            f"SELECT count(*) FROM {table} WHERE load_id BETWEEN $lo AND $hi",
            {"lo": min(grouped, default=0), "hi": max(grouped, default=0)},
        ).fetchall()[0]
        if ranged != total:
            out.append(
                f"Tabel {table}: {total} baris terhitung seluruhnya, tetapi {ranged} terlihat "
                "lewat penyaringan nomor muatan."
            )
        for load_id in sorted(set(recent) | set(grouped) - set(status)):
            (seen,) = con.execute(
                f"SELECT count(*) FROM {table} WHERE load_id = $id", {"id": load_id}
            ).fetchall()[0]
            if seen != grouped.get(load_id, 0):
                out.append(
                    f"Tabel {table}, muatan #{load_id}: {grouped.get(load_id, 0)} baris "
                    f"terhitung, {seen} terlihat lewat WHERE load_id = {load_id}."
                )
        for load_id, n in grouped.items():
            if status.get(load_id) != "loaded":
                out.append(
                    f"Tabel {table}: {n} baris milik muatan #{load_id} yang berstatus "
                    f"'{status.get(load_id, 'tidak ada')}' (seharusnya sudah tidak ada)."
                )
    if _has(con, "posts"):
        (extra,) = con.execute("SELECT count(*) - count(DISTINCT post_key) FROM posts").fetchall()[
            0
        ]
        if extra:
            out.append(
                f"Tabel posts: {extra} baris ganda (post_key yang sama tersimpan lebih dari "
                "sekali)."
            )
    if _has(con, "post_observation"):
        empty = con.execute(
            "SELECT l.load_id FROM loads l WHERE l.status = 'loaded'"
            " AND l.n_new + l.n_updated > 0"
            " AND NOT EXISTS (SELECT 1 FROM post_observation o WHERE o.load_id = l.load_id)"
            " ORDER BY 1"
        ).fetchall()
        for (load_id,) in empty:
            out.append(f"Muatan #{load_id} tercatat dimuat tetapi tidak punya satu pun postingan.")
    return out


def refusal(db: str | Path, found: list[str]) -> str:
    """The message shown instead of serving a warehouse that failed the check."""
    from warehouse import backup

    db = Path(db)
    snaps = backup.list_snapshots(db)
    lines = [
        f"Gudang data {db} tidak lolos pemeriksaan keutuhan dan tidak dibuka, supaya tidak ada "
        "angka yang salah di laporan. Yang ditemukan:",
        *[f"  - {p}" for p in found[:10]],
        *([f"  - ... dan {len(found) - 10} lainnya"] if len(found) > 10 else []),
        "Cara memulihkan (hentikan aplikasi lebih dulu):",
    ]
    if snaps:
        lines.append("  Cadangan terbaru:")
        lines += [f"    {s.path}  ({s.taken_at:%d-%m-%Y %H:%M}, {s.reason})" for s in snaps[:3]]
        lines.append(
            f"  python -m etl --db {db} restore {snaps[0].path}"
            "   (atau Pengaturan > Cadangan > Pulihkan)"
        )
        lines.append("  Muatan setelah waktu cadangan itu perlu dimuat ulang dari berkas aslinya.")
    else:
        lines.append(
            f"  Belum ada cadangan. Simpan salinan {db}, lalu bangun ulang: hapus berkas itu dan "
            "muat lagi Daftar Akun serta semua berkas ekspor (python -m etl opd ..., load ...)."
        )
    return "\n".join(lines)
