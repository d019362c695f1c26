"""An account the new master list puts under another OPD takes what is its own along: its posts
(posts and post_observation, so that an undo later restores them to the same OPD), the coverage
rows that name it (load_coverage) and the per-day, per-month summary rows of both OPDs.

The master list carries no dates, so it says whose the account is, not since when: its posts
are read as that OPD's for every period, as they would be had the list said so from the start
(loading the files after the new list gives the same figures). A registered account's posts
always belong to the account's OPD (etl.matching), and after a move that stays true.
"""

from __future__ import annotations

import duckdb

from warehouse import day_counts

# (account_id, platform, handle, old opd_id, new opd_id) of accounts the new list moves.
Move = tuple[int, str, str, int, int]

_MOVES_SQL = (
    "SELECT a.account_id, a.platform, m.handle, a.opd_id, m.opd_id FROM _master_acc m"
    " JOIN account a USING (platform, handle_norm) WHERE a.opd_id <> m.opd_id"
    " ORDER BY a.account_id"
)
_FOLLOW = (
    "UPDATE posts SET opd_id = $new WHERE account_id = $acc AND opd_id <> $new",
    "UPDATE post_observation SET opd_id = $new WHERE account_id = $acc AND opd_id <> $new",
    "UPDATE load_coverage SET opd_id = $new WHERE account_id = $acc AND opd_id <> $new",
)


def planned_moves(con: duckdb.DuckDBPyConnection) -> list[Move]:
    """The accounts the registered frame `_master_acc` (platform, handle, handle_norm, opd_id)
    puts under another OPD than the account table holds; read before the account table is
    updated."""
    return [tuple(r) for r in con.execute(_MOVES_SQL).fetchall()]


def follow(con: duckdb.DuckDBPyConnection, moves: list[Move], names: dict[int, str]) -> list[str]:
    """Move each account's posts, observations and coverage rows to its new OPD and recount
    both OPDs' summary rows, inside the caller's transaction. Returns the report's notes
    (Bahasa Indonesia), one per account that had posts or coverage."""
    notes: list[str] = []
    touched: set[int] = set()
    for account_id, platform, handle, old, new in moves:
        args = {"acc": account_id, "new": new}
        (posts,) = con.execute(_FOLLOW[0], args).fetchall()[0]
        con.execute(_FOLLOW[1], args)
        (spans,) = con.execute(_FOLLOW[2], args).fetchall()[0]
        if posts or spans:
            touched |= {old, new}
            notes.append(
                f'Akun {handle} ({platform}) kini milik "{names.get(new, new)}", bukan lagi '
                f'"{names.get(old, old)}": {posts} postingan dan {spans} catatan cakupan datanya '
                "ikut pindah (Daftar Akun tidak bertanggal: akun itu dibaca milik OPD barunya "
                "untuk semua periode)."
            )
    if touched:
        day_counts.recount(con, sorted(touched))
    return notes
